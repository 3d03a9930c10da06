//! Where the browser says which language to use, and where the student's own choices (language,
//! age band) are kept.

use aware_core::band::AgeBand;
use aware_core::l10n::LocaleRequests;

use super::storage::LocalStore;

/// The `localStorage` key of the student's language choice.
const LOCALE_KEY: &str = "aware.locale";
/// The `localStorage` key of the age band chosen on this device.
const BAND_KEY: &str = "aware.band";

pub fn locale_requests() -> LocaleRequests {
    let Some(window) = web_sys::window() else { return LocaleRequests::default() };
    let url = window
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"));
    let saved = LocalStore::open().and_then(|store| store.get(LOCALE_KEY).ok().flatten());
    // An embedding page says which language it wants with data-lang on its element or page.
    let document = window.document();
    let embed = document.as_ref().and_then(|d| {
        let body = d.body().and_then(|b| b.get_attribute("data-lang"));
        body.or_else(|| d.document_element().and_then(|e| e.get_attribute("data-lang")))
    });
    let browser = window.navigator().languages().iter().filter_map(|value| value.as_string()).collect();
    LocaleRequests { url, saved, embed, browser }
}

/// Keeps the student's choice; also updates a `lang` in the address, which would otherwise win
/// over the choice on the next reload.
pub fn save_locale(locale: &str) {
    if let Some(store) = LocalStore::open() {
        let _ = store.set(LOCALE_KEY, locale);
    }
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    if url.search_params().get("lang").is_some() {
        url.search_params().set("lang", locale);
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&url.href()));
        }
    }
}

/// The age band chosen on this device, if any (a value that is not a band counts as none).
pub fn band() -> Option<AgeBand> {
    LocalStore::open()?.get(BAND_KEY).ok().flatten()?.parse().ok()
}

pub fn save_band(band: AgeBand) {
    if let Some(store) = LocalStore::open() {
        let _ = store.set(BAND_KEY, band.as_str());
    }
}
