//! Case folding that keeps byte offsets (the citation grammar runs on a lower-cased copy and
//! its spans apply to the original text unchanged) and ASCII slugs. Both live in
//! [`vanban_text::fold`]; they are re-exported here under their old names.

pub use vanban_text::fold::fold_case as fold;
pub use vanban_text::fold::slug;
