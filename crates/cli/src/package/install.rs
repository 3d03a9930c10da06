//! Installing Aware as an app on a phone or computer: the web app manifest, its icons, and the
//! lines each page gets to name them.
//!
//! - The icons are drawn at build time from the favicon the pages already carry
//!   (`assets/favicon.svg`), so there is one picture: PNGs at the sizes browsers ask for, and a
//!   "maskable" one with the picture inside the safe zone of a full-bleed background.
//! - The colours come from `styles/app.css` (`--brand-dark`, the header's; `--background`).
//! - The name is the interface's `app-name` in the deployment's default language. A manifest has
//!   one name; it is "Aware" in every language Aware has, a neutral word on a shared device's home
//!   screen, so one manifest serves both, with `lang` saying which language wrote it.

use std::collections::BTreeMap;
use std::path::Path;

/// The manifest's address, relative to the site's folder.
pub const MANIFEST: &str = "manifest.webmanifest";

/// The icon iOS puts on the home screen (it does not read the manifest's icons).
const TOUCH_ICON: &str = "icon-180.png";

/// The colours of the app's frame, as the stylesheet defines them.
#[derive(Debug, PartialEq)]
pub struct Theme {
    /// The header's background (`--brand-dark`): the browser's title bar takes it.
    pub header: String,
    /// The page's background (`--background`): the splash screen's.
    pub background: String,
}

impl Theme {
    pub fn from_css(css: &str) -> Result<Theme, String> {
        let colour = |name: &str| {
            let at = css.find(&format!("{name}:")).ok_or(format!("the stylesheet defines no {name}"))?;
            let value = css[at + name.len() + 1..].split(';').next().unwrap_or("").trim();
            let hex =
                value.strip_prefix('#').filter(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()));
            hex.map(|_| value.to_owned()).ok_or(format!("{name} is `{value}`, not a #rrggbb colour"))
        };
        Ok(Theme { header: colour("--brand-dark")?, background: colour("--background")? })
    }
}

/// An icon file: its name, its size in pixels, whether it is the maskable one, and its PNG.
pub struct Icon {
    pub name: String,
    pub size: u32,
    pub maskable: bool,
    pub png: Vec<u8>,
}

/// The PNG icons, drawn from `favicon` (an SVG with a square viewBox).
pub fn icons(favicon: &str, theme: &Theme) -> Result<Vec<Icon>, String> {
    let plain = |size: u32| -> Result<Icon, String> {
        Ok(Icon { name: format!("icon-{size}.png"), size, maskable: false, png: draw(favicon, size)? })
    };
    Ok(vec![
        plain(180)?,
        plain(192)?,
        plain(512)?,
        Icon {
            name: "icon-maskable-512.png".into(),
            size: 512,
            maskable: true,
            png: draw(&maskable(favicon, theme)?, 512)?,
        },
    ])
}

/// The favicon at 32/44 of a background in the header's colour: launchers may cut a maskable
/// icon to any shape that holds the centre circle of 80 % of its width, and the picture's corners
/// lie within it.
fn maskable(favicon: &str, theme: &Theme) -> Result<String, String> {
    let inner = favicon.strip_prefix("<svg ").ok_or("the favicon does not start with <svg")?;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-6 -6 44 44\">\
         <rect x=\"-6\" y=\"-6\" width=\"44\" height=\"44\" fill=\"{}\"/>\
         <svg x=\"0\" y=\"0\" width=\"32\" height=\"32\" {inner}</svg>",
        theme.header
    ))
}

fn draw(svg: &str, size: u32) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .map_err(|err| format!("the favicon: {err}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).ok_or("an icon of no size")?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|err| format!("an icon: {err}"))
}

/// The web app manifest.
pub fn manifest(name: &str, lang: &str, theme: &Theme, favicon: &str, icons: &[Icon]) -> String {
    let mut listed = vec![serde_json::json!({ "src": favicon, "sizes": "any", "type": "image/svg+xml" })];
    for icon in icons.iter().filter(|icon| icon.name != TOUCH_ICON) {
        let purpose = if icon.maskable { "maskable" } else { "any" };
        let sizes = format!("{0}x{0}", icon.size);
        listed.push(serde_json::json!({ "src": icon.name, "sizes": sizes, "type": "image/png", "purpose": purpose }));
    }
    let manifest = serde_json::json!({
        "id": "./",
        "name": name,
        "short_name": name,
        "lang": lang,
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme.header,
        "background_color": theme.background,
        "icons": listed,
    });
    serde_json::to_string_pretty(&manifest).expect("JSON values always serialise")
}

/// A page that works offline: it names the manifest, its colour, the home-screen icon and the
/// service worker `web/boot.js` registers (`<html data-aware-worker>`).
pub fn with_install_links(html: &str, theme: &Theme, worker: &str) -> Result<String, String> {
    let head_end = html.find("</head>").ok_or("a page has no </head>")?;
    let links = format!(
        "  <link rel=\"manifest\" href=\"{MANIFEST}\" />\n    <meta name=\"theme-color\" content=\"{}\" />\n    \
         <link rel=\"apple-touch-icon\" href=\"{TOUCH_ICON}\" />\n  ",
        theme.header
    );
    let html = format!("{}{links}{}", &html[..head_end], &html[head_end..]);
    if !html.contains("<html ") {
        return Err("a page has no <html …> tag".into());
    }
    Ok(html.replacen("<html ", &format!("<html data-aware-worker=\"{worker}\" "), 1))
}

/// `app-name` as `locales/<locale>/app.ftl` writes it.
pub fn app_name(locales: &Path, locale: &str) -> Result<String, String> {
    let path = locales.join(locale).join("app.ftl");
    let ftl = std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let resource =
        fluent_syntax::parser::parse(ftl.as_str()).map_err(|(_, errors)| format!("{}: {errors:?}", path.display()))?;
    resource
        .body
        .iter()
        .find_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) if message.id.name == "app-name" => message.value.as_ref(),
            _ => None,
        })
        .and_then(|pattern| match pattern.elements.as_slice() {
            [fluent_syntax::ast::PatternElement::TextElement { value }] => Some(value.trim().to_owned()),
            _ => None,
        })
        .ok_or(format!("{}: no plain `app-name` message", path.display()))
}

/// The site's one file whose name starts with `stem-` and ends with `extension` (Trunk's hashed copy).
pub fn hashed_file<'a>(
    files: &'a BTreeMap<String, Vec<u8>>,
    stem: &str,
    extension: &str,
) -> Result<(&'a str, &'a [u8]), String> {
    let mut found = files.iter().filter(|(name, _)| name.starts_with(&format!("{stem}-")) && name.ends_with(extension));
    match (found.next(), found.next()) {
        (Some((name, bytes)), None) => Ok((name, bytes)),
        (None, _) => Err(format!("the pages carry no {stem}-….{extension}")),
        (Some(_), Some(_)) => Err(format!("the pages carry more than one {stem}-….{extension}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAVICON: &str = include_str!("../../../../assets/favicon.svg");

    fn theme() -> Theme {
        Theme { header: "#073763".into(), background: "#ffffff".into() }
    }

    #[test]
    fn colours_come_from_the_stylesheet() {
        let css = ":root {\n  --background: #ffffff;\n  --brand-dark: #073763;\n}";
        assert_eq!(Theme::from_css(css), Ok(theme()));
        assert!(Theme::from_css(":root { --background: #fff; --brand-dark: #073763; }").is_err());
        assert!(Theme::from_css(":root { --background: #ffffff; }").is_err());
    }

    #[test]
    fn icons_are_pngs_of_their_size_with_the_picture_inside() {
        for icon in icons(FAVICON, &theme()).unwrap() {
            let pixmap = resvg::tiny_skia::Pixmap::decode_png(&icon.png).unwrap();
            assert_eq!((pixmap.width(), pixmap.height()), (icon.size, icon.size), "{}", icon.name);
            // A point of the favicon (32 units wide) in this icon's pixels.
            let (offset, width) = if icon.maskable { (6.0, 44.0) } else { (0.0, 32.0) };
            let at = |x: f32, y: f32| {
                let scale = icon.size as f32 / width;
                let pixel = pixmap.pixel(((x + offset) * scale) as u32, ((y + offset) * scale) as u32).unwrap();
                [pixel.red(), pixel.green(), pixel.blue(), pixel.alpha()]
            };
            assert_eq!(at(16.0, 20.0), [255, 255, 255, 255], "{}: the letter's white, under its hole", icon.name);
            assert_eq!(at(16.0, 28.0), [0x07, 0x37, 0x63, 255], "{}: the blue below the letter", icon.name);
            let corner = at(-offset + 0.1, -offset + 0.1);
            if icon.maskable {
                assert_eq!(corner, [0x07, 0x37, 0x63, 255], "a maskable icon is full-bleed");
            } else {
                assert_eq!(corner[3], 0, "{}: the favicon's rounded corner stays transparent", icon.name);
            }
        }
    }

    #[test]
    fn the_manifest_names_the_app_its_colours_and_icons() {
        let icons = icons(FAVICON, &theme()).unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(&manifest("Aware", "mn", &theme(), "favicon-0123456789abcdef.svg", &icons)).unwrap();
        assert_eq!(manifest["name"], "Aware");
        assert_eq!(manifest["lang"], "mn");
        assert_eq!(manifest["theme_color"], "#073763");
        assert_eq!(manifest["start_url"], "./index.html");
        let sources: Vec<&str> =
            manifest["icons"].as_array().unwrap().iter().map(|i| i["src"].as_str().unwrap()).collect();
        assert_eq!(sources, ["favicon-0123456789abcdef.svg", "icon-192.png", "icon-512.png", "icon-maskable-512.png"]);
    }

    #[test]
    fn pages_name_the_manifest_and_the_worker() {
        let html = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <title>Aware</title>\n  </head>\n</html>";
        let page = with_install_links(html, &theme(), "sw.js").unwrap();
        assert!(page.contains("<html data-aware-worker=\"sw.js\" lang=\"en\">"));
        let manifest = page.find("rel=\"manifest\"").unwrap();
        assert!(page.find("<title>").unwrap() < manifest && manifest < page.find("</head>").unwrap());
        assert!(page.contains("<meta name=\"theme-color\" content=\"#073763\" />"));
    }

    #[test]
    fn the_name_is_the_interface_s_app_name() {
        let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        assert_eq!(app_name(&locales, "en").unwrap(), "Aware");
        assert!(app_name(&locales, "xx").is_err());
    }
}
