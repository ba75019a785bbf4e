//! The JSON Schemas (draft 2020-12) of the JSON outputs, generated from the types that make
//! them; the same files are committed in the repository's `schemas/`.

formats! {
    /// The outputs that have a JSON Schema.
    pub enum Schema {
        Parse = "parse": "`vanban parse --format json`: one document object",
        Extract = "extract": "`vanban extract`: one object per document (the items of the array, or each line of `--jsonl`)",
        Graph = "graph": "`vanban graph --format json`: the node-link JSON of a corpus graph",
    }
}

impl Schema {
    /// The schema, pretty-printed, with a trailing newline.
    pub fn render(self) -> String {
        let schema = match self {
            Schema::Parse => schemars::schema_for!(crate::document::ParseOutput<'static>),
            Schema::Extract => schemars::schema_for!(vanban_model::Extraction),
            Schema::Graph => schemars::schema_for!(crate::graph::NodeLink<'static>),
        };
        let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The file it is committed as in `schemas/` ("parse.schema.json" …).
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }
}
