//! The web app manifest (`manifest.webmanifest`): what a phone needs to put the edition on its home
//! screen. Every address in it is relative to the manifest, so it holds under any base path.

use serde_json::json;

use crate::app_icon::ICONS;

pub const WEB_MANIFEST_FILE: &str = "manifest.webmanifest";
/// The browser's bar in a light and a dark scheme (`index.html` names both for the pages; the manifest
/// has room for one, the light one). The accent of the light theme and the page of the dark one.
pub const THEME_LIGHT: &str = "#0b6e4f";
pub const THEME_DARK: &str = "#111418";
/// What an installed edition shows while it starts: the light page.
const BACKGROUND: &str = "#ffffff";

/// `name`: the report and "interactive edition"; `short_name`: what fits under an icon (≤ 12 characters).
pub fn web_manifest(name: &str, short_name: &str, description: &str) -> String {
    let icons: Vec<_> = ICONS
        .iter()
        .map(|(file, size, purpose)| {
            json!({ "src": file, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": purpose.name() })
        })
        .collect();
    let manifest = json!({
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "en",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": THEME_LIGHT,
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_edition_its_icons_and_stays_under_the_base_path() {
        let manifest: serde_json::Value =
            serde_json::from_str(&web_manifest("Mongolia Results Report", "IRM Mongolia", "The report")).unwrap();
        for key in ["id", "start_url", "scope"] {
            assert_eq!(manifest[key], "./", "{key}: relative to the manifest, so under the base path");
        }
        let purposes: Vec<_> = manifest["icons"].as_array().unwrap().iter().map(|i| i["purpose"].clone()).collect();
        assert_eq!(purposes, ["any", "any", "maskable"]);
        assert_eq!(manifest["icons"][2]["sizes"], "512x512");
        assert_eq!(manifest["theme_color"], THEME_LIGHT);
    }
}
