//! Light and dark themes: follow the system unless the reader picks one; the choice persists where
//! storage is available and is simply not remembered where it is blocked (sandboxed embeds).

use leptos::prelude::*;

use crate::browser::storage;
use crate::i18n::{t, Msg};

const STORAGE_KEY: &str = "irm-report-theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        t(match self {
            Theme::System => Msg::ThemeSystem,
            Theme::Light => Msg::ThemeLight,
            Theme::Dark => Msg::ThemeDark,
        })
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|theme| theme.id() == id)
    }
}

pub fn saved_theme() -> Theme {
    storage::load(STORAGE_KEY).and_then(|id| Theme::from_id(&id)).unwrap_or(Theme::System)
}

/// Sets `<html data-theme>`, which the style sheet reads; "system" removes it.
pub fn apply_theme(theme: Theme) {
    let Some(root) = document().document_element() else { return };
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        theme => root.set_attribute("data-theme", theme.id()),
    };
}

pub fn save_theme(theme: Theme) {
    storage::save(STORAGE_KEY, (theme != Theme::System).then_some(theme.id()));
}
