//! The teacher's passphrase: the teacher's screens open only with it. On first use the teacher
//! chooses one (and is told plainly that a lost passphrase loses the results kept here); after
//! that it unlocks the results sealed on this device. Locking, or leaving the page, forgets the
//! key: nothing opened stays behind for the next person at this computer.

use aware_core::l10n::Arg;
use aware_core::store::TeacherState;
use yew::prelude::*;

use crate::components::form::text_into;
use crate::components::page::PageHeading;
use crate::platform::crypto::{CryptoError, PrivateKey};
use crate::state::{Device, refresh_teacher, set_up_teacher, unlock_teacher, use_device, use_l10n, use_title};

/// Shorter passphrases are refused (the key is stretched with PBKDF2, but guessing is cheap for
/// very short ones).
pub const MIN_PASSPHRASE_CHARS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct TeacherGateProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn TeacherGate(props: &TeacherGateProps) -> Html {
    let l10n = use_l10n();
    let device = use_device();
    let key = use_state(|| None::<PrivateKey>);
    // Envelopes appended while open (a hand-in in another tab) are opened as they arrive.
    let unopened = match &device.state.teacher {
        TeacherState::Unlocked { unopened, .. } => *unopened,
        _ => 0,
    };
    {
        let (device, key) = (device.clone(), key.clone());
        use_effect_with(unopened, move |unopened| {
            if let (true, Some(key)) = (*unopened > 0, (*key).clone()) {
                yew::platform::spawn_local(async move { refresh_teacher(&device, &key).await });
            }
        });
    }
    let on_open = {
        let key = key.clone();
        Callback::from(move |opened: PrivateKey| key.set(Some(opened)))
    };
    match &device.state.teacher {
        TeacherState::NotSetUp => html! { <PassphraseForm setting_up=true {on_open} /> },
        TeacherState::Locked { .. } => html! { <PassphraseForm setting_up=false {on_open} /> },
        TeacherState::Unlocked { .. } if key.is_some() => {
            let lock = {
                let (device, key) = (device.clone(), key.clone());
                Callback::from(move |_: MouseEvent| {
                    key.set(None);
                    device.act(|store| store.lock());
                })
            };
            html! {
                <>
                    <div class="teacher-lock screen-only">
                        <button type="button" class="button secondary" id="teacher-lock" onclick={lock}>{ l10n.t("teacher-gate-lock") }</button>
                    </div>
                    { props.children.clone() }
                </>
            }
        }
        // Opened in memory by an earlier mount of this screen, but the key is gone: ask again.
        TeacherState::Unlocked { .. } => html! { <PassphraseForm setting_up=false {on_open} /> },
        TeacherState::KeyringUnusable { .. } => html! {
            <article>
                <PageHeading text={l10n.t("teacher-gate-unlock-title")} />
                <p class="error-message" role="alert">{ l10n.t("teacher-gate-unusable") }</p>
            </article>
        },
    }
}

#[derive(Properties, PartialEq)]
struct PassphraseFormProps {
    /// First use: choose a passphrase (twice); else enter it.
    setting_up: bool,
    on_open: Callback<PrivateKey>,
}

#[derive(Clone, Copy, PartialEq)]
enum Problem {
    TooShort,
    Mismatch,
    Wrong,
    Unavailable,
}

#[component]
fn PassphraseForm(props: &PassphraseFormProps) -> Html {
    let l10n = use_l10n();
    let device = use_device();
    let setting_up = props.setting_up;
    use_title(l10n.t(if setting_up { "teacher-gate-setup-title" } else { "teacher-gate-unlock-title" }));
    let passphrase = use_state(String::new);
    let again = use_state(String::new);
    let problem = use_state(|| None::<Problem>);
    let busy = use_state(|| false);

    let on_submit = {
        let (passphrase, again, problem, busy) = (passphrase.clone(), again.clone(), problem.clone(), busy.clone());
        let (device, on_open) = (device.clone(), props.on_open.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let text = (*passphrase).clone();
            let found = if setting_up && text.chars().count() < MIN_PASSPHRASE_CHARS {
                Some(Problem::TooShort)
            } else if setting_up && text != *again {
                Some(Problem::Mismatch)
            } else {
                None
            };
            if found.is_some() {
                problem.set(found);
                crate::platform::document::focus("passphrase");
                return;
            }
            busy.set(true);
            problem.set(None);
            let (device, on_open, problem, busy) = (device.clone(), on_open.clone(), problem.clone(), busy.clone());
            let passphrase = passphrase.clone();
            yew::platform::spawn_local(async move {
                let opened = open(&device, &text, setting_up).await;
                busy.set(false);
                match opened {
                    Ok(key) => {
                        passphrase.set(String::new());
                        on_open.emit(key);
                    }
                    Err(CryptoError::WrongPassphrase) => problem.set(Some(Problem::Wrong)),
                    Err(CryptoError::Unavailable) => problem.set(Some(Problem::Unavailable)),
                }
            });
        })
    };

    let message = problem.map(|problem| match problem {
        Problem::TooShort => l10n.t_with("teacher-gate-too-short", &[("min", Arg::from(MIN_PASSPHRASE_CHARS))]),
        Problem::Mismatch => l10n.t("teacher-gate-mismatch"),
        Problem::Wrong => l10n.t("teacher-gate-wrong"),
        Problem::Unavailable => l10n.t("teacher-gate-unavailable"),
    });
    let field = |id: &'static str, label: &str, text: &UseStateHandle<String>, hint: Option<String>| {
        let oninput = text_into(text);
        let hint_id = format!("{id}-hint");
        html! {
            <div class="field">
                <label for={id}>{ l10n.t(label) }</label>
                if let Some(hint) = hint {
                    <p class="hint" id={hint_id.clone()}>{ hint }</p>
                }
                <input {id} type="password" spellcheck="false"
                    autocomplete={if setting_up { "new-password" } else { "current-password" }}
                    value={(**text).clone()} {oninput}
                    aria-invalid={message.is_some().then_some("true")}
                    aria-describedby={message.is_some().then_some("passphrase-error")} />
            </div>
        }
    };
    html! {
        <article class="teacher-gate">
            if setting_up {
                <PageHeading text={l10n.t("teacher-gate-setup-title")} />
                <p class="lead">{ l10n.t("teacher-gate-setup-intro") }</p>
                <div class="warning-box"><p><strong>{ l10n.t("teacher-gate-setup-warning") }</strong></p></div>
            } else {
                <PageHeading text={l10n.t("teacher-gate-unlock-title")} />
                <p class="lead">{ l10n.t("teacher-gate-unlock-intro") }</p>
            }
            <form onsubmit={on_submit} novalidate=true>
                if let Some(message) = message.clone() {
                    <p class="error-message" id="passphrase-error" role="alert">{ message }</p>
                }
                { field("passphrase", "teacher-gate-passphrase", &passphrase, setting_up.then(|| {
                    l10n.t_with("teacher-gate-passphrase-hint", &[("min", Arg::from(MIN_PASSPHRASE_CHARS))])
                })) }
                if setting_up {
                    { field("passphrase-again", "teacher-gate-passphrase-again", &again, None) }
                }
                <button type="submit" class="button" aria-disabled={busy.then_some("true")}>
                    { l10n.t(if setting_up { "teacher-gate-set-up" } else { "teacher-gate-unlock" }) }
                </button>
                <div role="status">
                    if *busy {
                        <p>{ l10n.t("teacher-gate-working") }</p>
                    }
                </div>
            </form>
        </article>
    }
}

async fn open(device: &Device, passphrase: &str, setting_up: bool) -> Result<PrivateKey, CryptoError> {
    if setting_up { set_up_teacher(device, passphrase).await } else { unlock_teacher(device, passphrase).await }
}
