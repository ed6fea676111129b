//! A live pseudonym preview of an `<input>`: the page shows what would leave the device instead
//! of what was typed. The scheme lives in [`crate::pseudonym`].

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement};

use crate::error::Error;
use crate::wasm::{js_error, PseudonymOptions};

/// A live pseudonym preview: while attached, `output` shows the pseudonym of what is typed in
/// `input` (empty while `input` is empty). Returned by `attachPseudonymPreview`.
#[wasm_bindgen]
pub struct PseudonymPreview {
    input: HtmlInputElement,
    listener: Closure<dyn FnMut(Event)>,
}

#[wasm_bindgen]
impl PseudonymPreview {
    /// Stops updating the output. The output keeps its last text.
    pub fn detach(self) {
        let _ = self
            .input
            .remove_event_listener_with_callback("input", self.listener.as_ref().unchecked_ref());
    }
}

/// `attachPseudonymPreview(input, output, { key, context })`: shows in `output` the pseudonym of
/// the value of the `<input>` element `input`, updated on every `input` event, so a page can
/// show what would leave the device instead of what was typed.
///
/// # Errors
/// `invalid_argument` if `input` is not an `HTMLInputElement` or `output` not an `Element`;
/// the errors of `pseudonymize` for the options.
#[wasm_bindgen(js_name = attachPseudonymPreview)]
pub fn attach_pseudonym_preview(
    input: JsValue,
    output: JsValue,
    options: JsValue,
) -> Result<PseudonymPreview, JsValue> {
    let run = || -> Result<PseudonymPreview, Error> {
        let input: HtmlInputElement = input.dyn_into().map_err(|_| Error::InvalidArgument {
            path: "input".into(),
            expected: "an HTMLInputElement".into(),
        })?;
        let output: Element = output.dyn_into().map_err(|_| Error::InvalidArgument {
            path: "output".into(),
            expected: "an Element".into(),
        })?;
        let pseudonymizer = PseudonymOptions::read(&options, "options")?.pseudonymizer()?;

        let source = input.clone();
        let render = move || {
            let value = source.value();
            let shown = if value.is_empty() {
                String::new()
            } else {
                pseudonymizer.pseudonymize(&value)
            };
            output.set_text_content(Some(&shown));
        };
        render();
        let listener = Closure::<dyn FnMut(Event)>::new(move |_: Event| render());
        input
            .add_event_listener_with_callback("input", listener.as_ref().unchecked_ref())
            .map_err(|_| Error::InvalidArgument {
                path: "input".into(),
                expected: "an element that accepts event listeners".into(),
            })?;
        Ok(PseudonymPreview { input, listener })
    };
    run().map_err(|e| js_error(&e))
}
