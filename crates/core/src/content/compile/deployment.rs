//! Reads `deployment.toml` into a checked [`Deployment`], with `path:line: message` for every
//! problem, like lesson files.

use std::path::Path;

use super::diagnostic::{Diagnostic, SourceFile};
use super::toml_table::{self, Table};
use crate::deployment::{Deployment, Origin, PassMark, SiteUrl, XapiEndpoint};
use crate::study::MinGroupSize;

pub fn read_deployment(path: &Path) -> Result<Deployment, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let Some(file) = SourceFile::read(path, &mut errors) else { return Err(errors) };
    let Some(root) = toml_table::parse(&file, &mut errors) else { return Err(errors) };
    let mut root = Table::new(&file, &root, "deployment.toml");

    let exit_url = root.string("exit_url", &mut errors);
    if let Some(url) = &exit_url
        && !url.get_ref().starts_with("https://")
    {
        errors.push(file.error(url.span(), "`exit_url` must start with https://"));
    }
    let default_locale = root.string("default_locale", &mut errors);
    let min_group_size = root.integer("min_group_size", 0..1000, &mut errors).and_then(|k| {
        MinGroupSize::new(k as u32)
            .map_err(|_| {
                errors.push(file.error_at_line(
                    root.line(),
                    format!(
                        "`min_group_size` must be at least {} (so no student can be picked out)",
                        MinGroupSize::FLOOR
                    ),
                ))
            })
            .ok()
    });
    let mut embed_origins = Vec::new();
    for text in root.string_list("embed_origins", &mut errors).unwrap_or_default() {
        match Origin::parse(text.get_ref()) {
            Ok(origin) => embed_origins.push(origin),
            Err(why) => errors.push(file.error(text.span(), format!("embed origin `{}` {}", text.get_ref(), why.0))),
        }
    }
    let xapi = match root.get("xapi") {
        None => None,
        Some(value) => Table::from_value(&file, value, "[xapi]", &mut errors).and_then(|mut table| {
            let url = table.string("statements_url", &mut errors);
            let version = table.string("version", &mut errors);
            let site = table.string("site_url", &mut errors);
            // A percentage of items right on the first try; the range check says "1 to 100".
            let pass_mark = table
                .optional_integer("pass_mark", 1..101, &mut errors)
                .and_then(|percent| PassMark::new(i64::try_from(percent).ok()?));
            table.finish(&mut errors);
            let (url, version, site) = (url?, version?, site?);
            let site = SiteUrl::parse(site.get_ref())
                .map_err(|why| errors.push(file.error(site.span(), format!("[xapi] `site_url` {}", why.0))))
                .ok()?;
            XapiEndpoint::parse(url.get_ref(), version.get_ref(), site)
                .map(|endpoint| XapiEndpoint { pass_mark, ..endpoint })
                .map_err(|why| errors.push(file.error(url.span(), format!("[xapi] `statements_url` {}", why.0))))
                .ok()
        }),
    };
    root.finish(&mut errors);

    match (exit_url, default_locale, min_group_size) {
        (Some(exit_url), Some(default_locale), Some(min_group_size)) if errors.is_empty() => Ok(Deployment {
            exit_url: exit_url.into_inner(),
            default_locale: default_locale.into_inner(),
            min_group_size,
            embed_origins,
            xapi,
        }),
        _ => Err(errors),
    }
}
