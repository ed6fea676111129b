//! Reading a live form into classifier fields: `classifyForm(form, options?)`.
//!
//! For every named `<input>`, `<select>` and `<textarea>` under the root element, the field's
//! name (or id), its label as a person sees it (`<label for>`, a wrapping `<label>`,
//! `aria-label`, `aria-labelledby`, `title`), `autocomplete`, `type`, `placeholder` and current
//! value are read. Buttons carry no data and unnamed controls are never submitted, so both are
//! skipped. Password and file inputs are classified by their type alone: their values are not
//! read at all.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::classify::{classify_fields, Field};
use crate::error::Error;
use crate::wasm::{classify_options, js_error};

/// `classifyForm(root, options?)`: classifies the named controls of a form (or any element that
/// contains controls), in document order. Returns the classifications as a JSON array.
///
/// # Errors
/// `invalid_argument` if `root` is not an element; the errors of `classifyFields` for `options`.
#[wasm_bindgen(js_name = classifyFormJson)]
pub fn classify_form(root: JsValue, options: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let root: Element = root.dyn_into().map_err(|_| Error::InvalidArgument {
            path: "form".into(),
            expected: "a form element (or another element containing form controls)".into(),
        })?;
        let options = classify_options(&options, "options")?;
        let out = classify_fields(&fields_of(&root), &options).map_err(|e| e.under("options"))?;
        Ok(serde_json::to_string(&out).unwrap_or_else(|_| "[]".into()))
    };
    run().map_err(|e| js_error(&e))
}

/// The named controls under `root`, as classifier fields.
pub fn fields_of(root: &Element) -> Vec<Field> {
    let Ok(controls) = root.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    (0..controls.length())
        .filter_map(|i| controls.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|el| field_of(&el))
        .collect()
}

fn field_of(el: &Element) -> Option<Field> {
    let name = attribute(el, "name").or_else(|| attribute(el, "id"))?;
    let mut field = Field::new(name);
    field.label = label_of(el);
    field.autocomplete = attribute(el, "autocomplete");
    field.placeholder = attribute(el, "placeholder");
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        let kind = input.type_().to_ascii_lowercase();
        match kind.as_str() {
            "submit" | "button" | "reset" | "image" => return None,
            "password" | "file" => {}
            "checkbox" | "radio" => {
                if input.checked() {
                    field.values.push(input.value());
                }
            }
            _ => field.values.push(input.value()),
        }
        field.input_type = Some(kind);
    } else if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        let selected = select.selected_options();
        field.values.extend(
            (0..selected.length())
                .filter_map(|i| selected.item(i))
                .filter_map(|o| o.get_attribute("value").or_else(|| o.text_content())),
        );
        // What the choices are about says what the field is when its label does not.
        if let Ok(all) = select.query_selector_all("option") {
            field.options.extend(
                (0..all.length().min(32))
                    .filter_map(|i| all.item(i))
                    .filter_map(|o| o.text_content())
                    .map(|t| collapse_spaces(&t))
                    .filter(|t| !t.is_empty()),
            );
        }
        field.input_type = Some("select".into());
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        field.values.push(area.value());
        field.input_type = Some("textarea".into());
    }
    field.values.retain(|v| !v.is_empty());
    Some(field)
}

fn attribute(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The label a person sees for `el`, in the order assistive technology uses.
fn label_of(el: &Element) -> Option<String> {
    let text = |e: &Element| {
        e.text_content()
            .map(|t| collapse_spaces(&t))
            .filter(|t| !t.is_empty())
    };
    if let Some(ids) = attribute(el, "aria-labelledby") {
        let doc = el.owner_document()?;
        let joined: Vec<String> = ids
            .split_ascii_whitespace()
            .filter_map(|id| doc.get_element_by_id(id))
            .filter_map(|e| text(&e))
            .collect();
        if !joined.is_empty() {
            return Some(joined.join(" "));
        }
    }
    if let Some(label) = attribute(el, "aria-label") {
        return Some(label);
    }
    if let Some(id) = attribute(el, "id") {
        let doc = el.owner_document()?;
        if let Ok(Some(label)) = doc.query_selector(&format!("label[for=\"{}\"]", css_escape(&id)))
        {
            if let Some(t) = text(&label) {
                return Some(t);
            }
        }
    }
    if let Ok(Some(wrapping)) = el.closest("label") {
        if let Some(t) = text(&wrapping) {
            return Some(t);
        }
    }
    attribute(el, "title")
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes `"` and `\` for use inside a double-quoted CSS attribute selector.
fn css_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}
