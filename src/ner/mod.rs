//! Named entities: the gazetteer ruler, the statistical tagger, and how the
//! two are merged into the `entities` layer.

pub mod gazetteer;
pub mod merge;
pub mod stage;
pub mod types;
