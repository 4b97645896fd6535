//! What the site asks of a browser and a host: the Content-Security-Policy, written as a `<meta>` into
//! every HTML file by `site-files` and given to hosts as a header in `public/_headers` (kept equal by a test).

/// No inline script and no eval: only this site's files, and WebAssembly compilation. Styles only from
/// the stylesheet; images also as data:/blob: URLs (chart downloads); no plugins, no form posts.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// The `_headers` file (Netlify's format) for a site served under `base` (`/mongolia/`): its path
/// patterns are written from the site's root, and a host matches them against the whole path.
pub fn headers_under(base: &str, headers: &str) -> String {
    let prefix = base.trim_end_matches('/');
    headers
        .lines()
        .map(|line| match line.strip_prefix('/') {
            Some(rest) => format!("{prefix}/{rest}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}
