//! Files made in the browser and handed to the reader: text (CSV, JSON, SVG) and PNG drawn from an SVG.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `contents` as a file named `file_name`.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let result = click_download(&url, file_name);
    // Not at once: Safari cancels a download whose address is revoked before it has started. Forty
    // seconds, as FileSaver.js waits (a download has started long before).
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(40));
    result
}

/// Draws `svg` (of `width` × `height`) at twice its size on a white canvas and offers it as a PNG.
pub async fn download_png(file_name: String, svg: String, width: u32, height: u32) -> Result<(), JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    let source = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&svg)));
    image.set_src(&source);
    JsFuture::from(image.decode()).await?;
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    let scale = 2;
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(width * scale), f64::from(height * scale));
    context.draw_image_with_html_image_element_and_dw_and_dh(
        &image,
        0.0,
        0.0,
        f64::from(width * scale),
        f64::from(height * scale),
    )?;
    click_download(&canvas.to_data_url_with_type("image/png")?, &file_name)
}

pub fn click_download(href: &str, file_name: &str) -> Result<(), JsValue> {
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(file_name);
    // Not in the document: the router's click handler never sees it.
    link.click();
    Ok(())
}
