//! "Data on this device": what Aware keeps in this browser, in plain words, with "Delete" for
//! each kind and "Delete everything"; backups kept aside can be downloaded or merged back in.
//!
//! Shared by the student's page (`index.html#/data`) and the teacher's (`teacher.html#/data`,
//! behind the passphrase). On a device where a teacher has set up a passphrase, a student's page
//! keeps the teacher's sealed data: only the teacher, on the teacher's page, deletes it.

use aware_core::l10n::Arg;
use aware_core::store::{Category, RestoreOutcome, TeacherState};
use yew::prelude::*;

use crate::components::confirm::Confirm;
use crate::components::page::PageHeading;
use crate::platform::download;
use crate::platform::storage::{self, Persistence};
use crate::state::{L10n, use_device, use_l10n, use_title};

#[derive(Properties, PartialEq)]
pub struct DeviceDataPageProps {
    /// The teacher's own page (unlocked): the teacher's sealed data may be deleted too.
    #[prop_or_default]
    pub teacher: bool,
}

/// What the last action did, for the status line.
#[derive(Clone, PartialEq)]
enum Done {
    Deleted(Category),
    DeletedEverything,
    Restored(RestoreOutcome),
    DownloadFailed,
}

fn category_message(category: Category) -> &'static str {
    match category {
        Category::Progress => "data-progress",
        Category::Results => "data-results",
        Category::Studies => "data-studies",
        Category::Sessions => "data-sessions",
        Category::Participant => "data-participant",
        Category::Locale => "data-locale",
        Category::Band => "data-band",
        Category::Outbox => "data-outbox",
        Category::Teacher => "data-teacher",
        Category::Backups => "data-backups",
        Category::Other => "data-other",
    }
}

fn done_message(l10n: &L10n, done: &Done) -> String {
    match done {
        Done::Deleted(category) => {
            l10n.t_with("data-deleted", &[("what", Arg::from(l10n.t(category_message(*category))))])
        }
        Done::DeletedEverything => l10n.t("data-deleted-everything"),
        Done::Restored(RestoreOutcome::Restored) => l10n.t("data-restored"),
        Done::Restored(RestoreOutcome::Newer { .. }) => l10n.t("data-restore-newer"),
        Done::Restored(RestoreOutcome::NotHere) => l10n.t("data-restore-elsewhere"),
        Done::Restored(_) => l10n.t("data-restore-failed"),
        Done::DownloadFailed => l10n.t("data-download-failed"),
    }
}

#[component]
pub fn DeviceDataPage(props: &DeviceDataPageProps) -> Html {
    let l10n = use_l10n();
    let device = use_device();
    use_title(l10n.t("data-title"));
    let done = use_state(|| None::<Done>);
    let inventory = device.read(|store| store.inventory());
    let persistence = use_state_eq(|| None::<Persistence>);
    // Whether the person asked the browser to keep the data here: its "no" is then said.
    let asked = use_state_eq(|| false);
    {
        let persistence = persistence.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move { persistence.set(Some(storage::persistence().await)) });
        });
    }
    let ask_to_persist = {
        let (persistence, asked) = (persistence.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| {
            let (persistence, asked) = (persistence.clone(), asked.clone());
            yew::platform::spawn_local(async move {
                persistence.set(Some(storage::ask_to_persist().await));
                asked.set(true);
            });
        })
    };
    // On a shared device a student may not delete what a teacher keeps sealed here.
    let teacher_set_up = !matches!(device.state.teacher, TeacherState::NotSetUp);
    let may_delete = |category: Category| category != Category::Teacher || props.teacher || !teacher_set_up;

    let delete = |category: Category| {
        let (device, done) = (device.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            device.act(|store| store.delete(category));
            done.set(Some(Done::Deleted(category)));
        })
    };
    let delete_everything = {
        let (device, done) = (device.clone(), done.clone());
        let keep_teacher = teacher_set_up && !props.teacher;
        Callback::from(move |()| {
            if keep_teacher {
                for category in Category::ALL.into_iter().filter(|c| *c != Category::Teacher) {
                    device.act(|store| store.delete(category));
                }
            } else {
                device.act(|store| store.delete_everything());
            }
            done.set(Some(Done::DeletedEverything));
        })
    };

    let rows = inventory.entries.iter().map(|entry| {
        let name = l10n.t(category_message(entry.category));
        html! {
            <li class="data-entry">
                <p><strong>{ name.clone() }</strong>{ " " }
                    <span class="meta">{ match entry.items {
                        Some(items) => l10n.t_with("data-amount", &[("items", Arg::from(items)), ("bytes", Arg::from(entry.bytes))]),
                        None => l10n.t_with("data-amount-bytes", &[("bytes", Arg::from(entry.bytes))]),
                    } }</span></p>
                if may_delete(entry.category) {
                    <button type="button" class="button secondary" onclick={delete(entry.category)}
                        aria-label={l10n.t_with("data-delete-named", &[("what", Arg::from(name))])}>{ l10n.t("data-delete") }</button>
                } else {
                    <p class="hint">{ l10n.t("data-teacher-kept") }</p>
                }
            </li>
        }
    });
    let backups = device.state.backups.iter().map(|backup| {
        let download = {
            let (device, done, key) = (device.clone(), done.clone(), backup.key.clone());
            Callback::from(move |_: MouseEvent| {
                let text = device.read(|store| store.backup_bytes(&key)).and_then(|bytes| String::from_utf8(bytes).ok());
                let name = format!("{key}.txt");
                if !text.is_some_and(|text| download::save(&name, "text/plain", &text)) {
                    done.set(Some(Done::DownloadFailed));
                }
            })
        };
        let restore = {
            let (device, done, key) = (device.clone(), done.clone(), backup.key.clone());
            Callback::from(move |_: MouseEvent| {
                let outcome = device.act(|store| store.restore_backup(&key));
                done.set(Some(Done::Restored(outcome)));
            })
        };
        html! {
            <li class="data-entry">
                <p><strong>{ l10n.t(category_message(Category::Backups)) }{ ": " }{ l10n.t(category_message(Category::of_kind(backup.kind))) }</strong>
                    { " " }<span class="meta">{ l10n.t_with("data-amount", &[("items", Arg::from(1usize)), ("bytes", Arg::from(backup.bytes))]) }</span></p>
                <div class="actions">
                    <button type="button" class="button secondary" onclick={download}>{ l10n.t("data-backup-download") }</button>
                    if may_delete(Category::of_kind(backup.kind)) {
                        <button type="button" class="button secondary" onclick={restore}>{ l10n.t("data-backup-restore") }</button>
                    }
                </div>
            </li>
        }
    });

    html! {
        <article class="device-data">
            <PageHeading text={l10n.t("data-title")} />
            <p class="lead">{ l10n.t("data-intro") }</p>
            <div id="data-persistence">
                { match *persistence {
                    Some(Persistence::Persistent) => html! { <p>{ l10n.t("data-kept-persistent") }</p> },
                    Some(Persistence::BestEffort) => html! {
                        <>
                            <p>{ l10n.t("data-kept-best-effort") }</p>
                            <button type="button" class="button secondary" onclick={ask_to_persist}>{ l10n.t("data-keep-ask") }</button>
                            <p role="status">{ if *asked { l10n.t("data-keep-refused") } else { String::new() } }</p>
                        </>
                    },
                    Some(Persistence::Unknown) => html! { <p>{ l10n.t("data-kept-unknown") }</p> },
                    None => Html::default(),
                } }
            </div>
            <div role="status" id="data-status">
                if let Some(done) = &*done {
                    <p>{ done_message(&l10n, done) }</p>
                }
            </div>
            if inventory.is_empty() {
                <p>{ l10n.t("data-nothing") }</p>
            } else {
                <ul class="plain-list data-list">{ for rows }</ul>
                if !device.state.backups.is_empty() {
                    <h2>{ l10n.t("data-backups-title") }</h2>
                    <p>{ l10n.t("data-backups-intro") }</p>
                    <ul class="plain-list data-list">{ for backups }</ul>
                }
                <h2>{ l10n.t("data-delete-everything") }</h2>
                <Confirm id="delete-everything" label={l10n.t("data-delete-everything")}
                    warning={l10n.t(if teacher_set_up && !props.teacher { "data-delete-everything-student" } else { "data-delete-everything-warning" })}
                    confirm={l10n.t("data-delete-everything-confirm")} on_confirm={delete_everything} />
            }
        </article>
    }
}
