//! The edition's home-screen icons (`icons/*.png`, named by the web app manifest): the favicon's white
//! "M" on the accent green, drawn at build time. Plain Rust, native only.

/// The favicon's "M" (`public/favicon.svg`), on its 32-unit grid.
const LETTER: [(f32, f32); 12] = [
    (8.0, 22.0),
    (8.0, 10.0),
    (11.0, 10.0),
    (16.0, 17.0),
    (21.0, 10.0),
    (24.0, 10.0),
    (24.0, 22.0),
    (21.0, 22.0),
    (21.0, 15.0),
    (16.0, 22.0),
    (11.0, 15.0),
    (11.0, 22.0),
];
const GRID: f32 = 32.0;
/// The favicon's corner radius, on the same grid.
const CORNER: f32 = 6.0;
const ACCENT: [u8; 3] = [0x0B, 0x6E, 0x4F];
/// Samples per pixel along each axis (16 in all): smooth edges without a rasteriser.
const SAMPLES: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Rounded corners on transparency, like the favicon.
    Any,
    /// Full bleed: the platform cuts its own shape. The letter stays inside the middle 80% circle
    /// every mask keeps (its farthest corner is at 31% of the width from the centre).
    Maskable,
}

impl Purpose {
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Any => "any",
            Purpose::Maskable => "maskable",
        }
    }
}

/// The icons the manifest lists: file, size in pixels, purpose.
pub const ICONS: [(&str, u32, Purpose); 3] = [
    ("icons/icon-192.png", 192, Purpose::Any),
    ("icons/icon-512.png", 512, Purpose::Any),
    ("icons/maskable-512.png", 512, Purpose::Maskable),
];

/// The icon as an RGBA PNG of `size` × `size` pixels.
pub fn png(size: u32, purpose: Purpose) -> Result<Vec<u8>, String> {
    let mut pixels = Vec::with_capacity((size * size * 4) as usize);
    let unit = size as f32 / GRID;
    for y in 0..size {
        for x in 0..size {
            let (mut inside, mut letter) = (0, 0);
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let gx = (x as f32 + (sx as f32 + 0.5) / SAMPLES as f32) / unit;
                    let gy = (y as f32 + (sy as f32 + 0.5) / SAMPLES as f32) / unit;
                    if purpose == Purpose::Maskable || in_rounded_square(gx, gy) {
                        inside += 1;
                        letter += u32::from(in_polygon(gx, gy, &LETTER));
                    }
                }
            }
            let all = SAMPLES * SAMPLES;
            // White over green in proportion to the letter's share of the covered samples.
            let white = if inside == 0 { 0.0 } else { letter as f32 / inside as f32 };
            pixels.extend(ACCENT.map(|c| (c as f32 + (255.0 - c as f32) * white).round() as u8));
            pixels.push((255 * inside / all) as u8);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

fn in_rounded_square(x: f32, y: f32) -> bool {
    let nearest = |v: f32| v.clamp(CORNER, GRID - CORNER);
    let (dx, dy) = (x - nearest(x), y - nearest(y));
    (0.0..=GRID).contains(&x) && (0.0..=GRID).contains(&y) && dx * dx + dy * dy <= CORNER * CORNER
}

/// Even-odd rule: a ray to the right crosses the outline an odd number of times.
fn in_polygon(x: f32, y: f32, points: &[(f32, f32)]) -> bool {
    let mut inside = false;
    for (i, &(x1, y1)) in points.iter().enumerate() {
        let (x2, y2) = points[(i + 1) % points.len()];
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) / (y2 - y1) * (x2 - x1) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (u32, Vec<u8>) {
        let mut reader = png::Decoder::new(bytes).read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.color_type), (info.height, png::ColorType::Rgba));
        (info.width, pixels)
    }

    fn pixel(pixels: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let at = ((y * size + x) * 4) as usize;
        pixels[at..at + 4].try_into().unwrap()
    }

    #[test]
    fn the_letter_is_white_on_green_and_only_the_maskable_icon_fills_its_corners() {
        for (_, size, purpose) in ICONS {
            let (width, pixels) = decode(&png(size, purpose).unwrap());
            assert_eq!(width, size);
            let at = |gx: f32, gy: f32| {
                pixel(&pixels, size, (gx * size as f32 / GRID) as u32, (gy * size as f32 / GRID) as u32)
            };
            assert_eq!(at(9.5, 20.0), [255, 255, 255, 255], "{purpose:?}: the letter's left stroke");
            assert_eq!(at(16.0, 12.0), [0x0B, 0x6E, 0x4F, 255], "{purpose:?}: between the strokes");
            let corner = pixel(&pixels, size, 0, 0)[3];
            assert_eq!(corner, if purpose == Purpose::Maskable { 255 } else { 0 }, "{purpose:?}: corner");
        }
    }

    /// The corners of an SVG path made of straight lines (`M`, `L`, `H`, `V`, each also relative, and `z`).
    fn polygon(path: &str) -> Vec<(f32, f32)> {
        let mut tokens = Vec::new();
        let mut number = String::new();
        for c in path.chars().chain([' ']) {
            if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty()) {
                number.push(c);
                continue;
            }
            if !number.is_empty() {
                tokens.push(std::mem::take(&mut number));
            }
            if c.is_ascii_alphabetic() {
                tokens.push(c.to_string());
            } else if c == '-' {
                number.push(c);
            }
        }
        let (mut points, mut at, mut command) = (Vec::new(), (0.0f32, 0.0f32), 'M');
        let mut tokens = tokens.into_iter().peekable();
        while let Some(token) = tokens.next() {
            let value = match token.parse::<f32>() {
                Ok(value) => value,
                Err(_) => {
                    command = token.chars().next().unwrap();
                    continue;
                }
            };
            let relative = command.is_ascii_lowercase();
            let base = if relative { at } else { (0.0, 0.0) };
            at = match command.to_ascii_uppercase() {
                'H' => (base.0 + value, at.1),
                'V' => (at.0, base.1 + value),
                'M' | 'L' => (base.0 + value, base.1 + tokens.next().unwrap().parse::<f32>().unwrap()),
                other => panic!("the favicon's path uses {other}: not a straight line"),
            };
            points.push(at);
            // Numbers after a move are lines (SVG's rule).
            if command == 'M' {
                command = 'L';
            } else if command == 'm' {
                command = 'l';
            }
        }
        points
    }

    #[test]
    fn the_icon_draws_the_favicon_letter_colour_and_corners() {
        let svg = include_str!("../public/favicon.svg");
        let attribute = |name: &str| {
            let start =
                svg.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("no {name} in the favicon")) + name.len() + 3;
            &svg[start..start + svg[start..].find('"').unwrap()]
        };
        assert_eq!(attribute("viewBox"), format!("0 0 {GRID} {GRID}"));
        assert_eq!(attribute("rx").parse::<f32>().unwrap(), CORNER);
        let [r, g, b] = ACCENT;
        assert_eq!(attribute("fill"), format!("#{r:02x}{g:02x}{b:02x}"), "the square's colour");
        assert_eq!(polygon(attribute("d")), LETTER, "the letter");
    }

    #[test]
    fn the_letter_stays_in_the_safe_zone_of_a_maskable_icon() {
        let radius = |(x, y): (f32, f32)| ((x - GRID / 2.0).powi(2) + (y - GRID / 2.0).powi(2)).sqrt() / GRID;
        assert!(LETTER.iter().all(|&point| radius(point) <= 0.4));
    }
}
