//! Small closed sets of values that appear in bundles and URLs by a stable id, with a reader's label.

/// A closed set of values named by id, as `id_enum!` declares them.
pub trait IdEnum: Sized + Copy + 'static {
    fn id(self) -> &'static str;
    fn label(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self>;
    /// The ids, for error messages: "a, b, c".
    fn ids() -> String;
}

/// Declares an ordered enum with `ALL` (in declaration order), `id`, `label` and `from_id`.
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order (for scales: lowest first).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The reader's label, in the interface language once one is chosen (see `set_label_source`).
            pub fn label(self) -> &'static str {
                $crate::report::ids::translated(stringify!($name), self.id(), self.english_label())
            }

            /// The label as the IRM words it in English (the catalogue's fallback).
            pub fn english_label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.id() == id)
            }

            /// The ids, for error messages.
            pub fn ids() -> String {
                Self::ALL.iter().map(|value| value.id()).collect::<Vec<_>>().join(", ")
            }
        }

        impl $crate::report::ids::IdEnum for $name {
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn from_id(id: &str) -> Option<Self> {
                $name::from_id(id)
            }
            fn ids() -> String {
                $name::ids()
            }
        }
    };
}

pub(crate) use id_enum;

/// Where labels in another language come from: `(type name, id)` → text. Set once by the interface.
pub type LabelSource = fn(&str, &str) -> Option<&'static str>;

static LABEL_SOURCE: std::sync::OnceLock<LabelSource> = std::sync::OnceLock::new();

pub fn set_label_source(source: LabelSource) {
    let _ = LABEL_SOURCE.set(source);
}

/// `english` unless a label source knows `kind.id`.
pub fn translated(kind: &str, id: &str, english: &'static str) -> &'static str {
    LABEL_SOURCE.get().and_then(|source| source(kind, id)).unwrap_or(english)
}
