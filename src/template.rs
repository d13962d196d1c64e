//! The example projects that `gatekit init` writes. Their files are the ones
//! committed under examples/, so the example that CI validates is the one users get.

pub struct TemplateFile {
    pub path: &'static str,
    pub contents: &'static str,
}

pub struct Template {
    pub name: &'static str,
    pub about: &'static str,
    pub files: &'static [TemplateFile],
}

pub const TEMPLATES: &[Template] = &[Template {
    name: "todo",
    about: "a todo API: one table with a GSI, TTL and an item model; two Python and one Node.js function",
    files: &[
        TemplateFile {
            path: "gatekit.yaml",
            contents: include_str!("../examples/todo/gatekit.yaml"),
        },
        TemplateFile {
            path: "functions/todos/handlers.py",
            contents: include_str!("../examples/todo/functions/todos/handlers.py"),
        },
        TemplateFile {
            path: "functions/create/index.mjs",
            contents: include_str!("../examples/todo/functions/create/index.mjs"),
        },
    ],
}];

/// Where the example's modeline points, and where an initialised project's points.
pub const EXAMPLE_SCHEMA_REF: &str = "$schema=../../docs/gatekit.schema.json";
pub const PROJECT_SCHEMA_PATH: &str = "gatekit.schema.json";

pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}
