//! `mountConsent(element, flow, options)`: draws a consent flow's view as an accessible modal
//! dialog and sends the user's choices back to the flow. It holds no rule: every text, choice and
//! button comes from `flow.view()`, every step from `flow.dispatch(action)` (the package's
//! `ConsentFlow`, which also keeps the storage), so mini-program renderers draw the same screens.
//!
//! Accessibility (WAI-ARIA Authoring Practices, dialog (modal) pattern; WCAG 2.2): `role=dialog`,
//! `aria-modal`, labelled by its heading and described by its text; focus moves into the dialog
//! (to the heading of each new screen) and stays there (Tab and Shift+Tab wrap; focus that
//! leaves is brought back; the rest of the page is `inert` while it is open) and returns to
//! where it was when it closes; every control is a native `button`, `input` or `select`, so
//! it is reachable and operable by keyboard; Escape closes it without deciding anything; errors
//! are announced (`role=alert`); `lang` is set to the view's language. Styling is the shipped
//! `minform/consent.css` (class names only: no inline styles or scripts, so it works under a
//! strict Content Security Policy).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Reflect};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::{
    Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent,
};

use crate::error::Error;
use crate::wasm::js_error;

/// The view as the renderer reads it (the package's `flow.view()`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct View {
    step: String,
    lang: String,
    title: String,
    paragraphs: Vec<String>,
    choices: Vec<ChoiceView>,
    actions: Vec<ActionView>,
    input: Option<InputView>,
    #[serde(default)]
    options: Vec<OptionView>,
    #[serde(default)]
    errors: std::collections::BTreeMap<String, String>,
    dismiss: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ChoiceView {
    id: String,
    kind: String,
    label: String,
    required: bool,
    checked: bool,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
struct OptionView {
    value: String,
    label: String,
}

#[derive(Debug, Deserialize)]
struct ActionView {
    #[serde(rename = "type")]
    kind: String,
    label: String,
}

#[derive(Debug, Deserialize)]
struct InputView {
    year: String,
    month: String,
    day: String,
    months: Vec<String>,
    choose: String,
}

thread_local! {
    /// Makes element ids unique when several dialogs are mounted over time.
    static MOUNTS: Cell<u32> = const { Cell::new(0) };
}

/// A mounted consent dialog; `unmount()` removes it (`mountConsent` returns it).
#[wasm_bindgen]
pub struct ConsentDialog {
    inner: Rc<Dialog>,
}

#[wasm_bindgen]
impl ConsentDialog {
    /// Removes the dialog, gives the page back and returns focus where it was.
    pub fn unmount(&self) {
        self.inner.close();
    }
}

/// Runs `f` in a microtask, after the current event handler.
fn later(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(move |_: JsValue| f());
    let promise = js_sys::Promise::resolve(&JsValue::NULL);
    if let Some(then) = Reflect::get(&promise, &"then".into())
        .ok()
        .and_then(|t| t.dyn_into::<Function>().ok())
    {
        let _ = then.call1(&promise, &callback);
    }
}

/// The flow's callback into the dialog, and the function that unsubscribes it.
type Subscription = (Closure<dyn FnMut(JsValue)>, Option<Function>);

/// An event listener to remove on close: target, event type, callback.
type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(Event)>,
);

struct Dialog {
    document: Document,
    host: Element,
    backdrop: Element,
    dialog: Element,
    flow: JsValue,
    on_done: Option<Function>,
    verify_guardian: Option<Function>,
    prefix: String,
    /// Focus before the dialog opened.
    previous: Option<HtmlElement>,
    /// Page elements made inert while open (restored on close).
    inerted: RefCell<Vec<Element>>,
    listeners: RefCell<Vec<Listener>>,
    view: RefCell<View>,
    closed: Cell<bool>,
    /// A guardian verification is in progress (the button is not pressed twice).
    busy: Cell<bool>,
    /// Itself, for callbacks that run later (a verifier's promise).
    me: RefCell<std::rc::Weak<Dialog>>,
    /// This dialog is dispatching (its own actions are drawn by `act`, not by the subscription).
    acting: Cell<bool>,
    /// Told by the flow when anyone dispatches (kept alive while open), and how to unsubscribe.
    subscription: RefCell<Option<Subscription>>,
    /// Keeps the dialog (and its listeners) alive while it is open, even if the page drops the
    /// handle `mountConsent` returned; released after it closes.
    alive: RefCell<Option<Rc<Dialog>>>,
}

/// `mountConsent(element, flow, { onDone?, verifyGuardian? })`: shows `flow` as a modal dialog
/// appended to `element`. `verifyGuardian()` is the integrator's verification (an SMS code, a
/// payment, an ID check) and returns — or resolves to — the method's name; it is called when the
/// guardian presses the verify button. `onDone(consents, receipt)` is called when the flow is
/// done or declined, or the dialog is closed.
///
/// # Errors
/// `invalid_argument` for an `element` that is not an `Element`, a `flow` without `view` and
/// `dispatch`, or options that are not functions.
#[wasm_bindgen(js_name = mountConsent)]
pub fn mount_consent(
    element: JsValue,
    flow: JsValue,
    options: JsValue,
) -> Result<ConsentDialog, JsValue> {
    mount(element, flow, options).map_err(|e| js_error(&e))
}

fn bad(path: &str, expected: &'static str) -> Error {
    Error::InvalidArgument {
        path: path.into(),
        expected: expected.into(),
    }
}

fn function_option(options: &JsValue, name: &str) -> Result<Option<Function>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = Reflect::get(options, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value
        .dyn_into::<Function>()
        .map(Some)
        .map_err(|_| bad(&format!("options.{name}"), "a function"))
}

fn mount(element: JsValue, flow: JsValue, options: JsValue) -> Result<ConsentDialog, Error> {
    let host: Element = element
        .dyn_into()
        .map_err(|_| bad("element", "an Element to append the dialog to"))?;
    for method in ["view", "dispatch"] {
        let f = Reflect::get(&flow, &method.into()).unwrap_or(JsValue::UNDEFINED);
        if !f.is_function() {
            return Err(bad("flow", "a ConsentFlow (with view() and dispatch())"));
        }
    }
    if !(options.is_undefined() || options.is_null() || options.is_object()) {
        return Err(bad("options", "an object { onDone?, verifyGuardian? }"));
    }
    let on_done = function_option(&options, "onDone")?;
    let verify_guardian = function_option(&options, "verifyGuardian")?;
    let document = host
        .owner_document()
        .ok_or_else(|| bad("element", "an Element in a document"))?;
    let dom = |e: JsValue| {
        bad(
            "element",
            if e.is_null() {
                "a document"
            } else {
                "a document that allows adding elements"
            },
        )
    };
    let n = MOUNTS.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    let prefix = format!("minform-consent-{n}");
    let backdrop = document.create_element("div").map_err(dom)?;
    backdrop.set_class_name("minform-consent-backdrop");
    let dialog = document.create_element("div").map_err(dom)?;
    dialog.set_class_name("minform-consent");
    for (k, v) in [
        ("role", "dialog"),
        ("aria-modal", "true"),
        ("aria-labelledby", &format!("{prefix}-title")),
        ("aria-describedby", &format!("{prefix}-text")),
    ] {
        dialog.set_attribute(k, v).map_err(dom)?;
    }
    backdrop.append_child(&dialog).map_err(dom)?;
    let previous = document
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let inner = Rc::new(Dialog {
        document,
        host,
        backdrop,
        dialog,
        flow,
        on_done,
        verify_guardian,
        prefix,
        previous,
        inerted: RefCell::default(),
        listeners: RefCell::default(),
        view: RefCell::default(),
        closed: Cell::new(false),
        busy: Cell::new(false),
        me: RefCell::default(),
        alive: RefCell::default(),
        acting: Cell::new(false),
        subscription: RefCell::default(),
    });
    *inner.me.borrow_mut() = Rc::downgrade(&inner);
    *inner.alive.borrow_mut() = Some(inner.clone());
    // The rest of the page is inert while the dialog is open.
    let siblings = inner.host.children();
    for i in 0..siblings.length() {
        if let Some(el) = siblings.item(i) {
            if !el.has_attribute("inert") && el.set_attribute("inert", "").is_ok() {
                inner.inerted.borrow_mut().push(el);
            }
        }
    }
    inner.host.append_child(&inner.backdrop).map_err(dom)?;
    Dialog::listen(&inner)?;
    Dialog::subscribe(&inner);
    inner.render(None)?;
    Ok(ConsentDialog { inner })
}

impl Dialog {
    /// Click, keyboard and focus handling; removed by `close`.
    fn listen(this: &Rc<Dialog>) -> Result<(), Error> {
        let weak = Rc::downgrade(this);
        let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(d) = weak.upgrade() {
                d.clicked(&e);
            }
        });
        let weak = Rc::downgrade(this);
        let on_key = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let (Some(d), Ok(k)) = (weak.upgrade(), e.dyn_into::<KeyboardEvent>()) {
                d.key(&k);
            }
        });
        let weak = Rc::downgrade(this);
        let on_focus = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            // Focus that lands outside the dialog (a click on the page) comes back.
            if let Some(d) = weak.upgrade() {
                let inside = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|n| d.dialog.contains(Some(&n)));
                if !inside && !d.closed.get() {
                    // Not from inside this listener: moving focus fires `focusin` again.
                    let weak = d.me.borrow().clone();
                    later(move || {
                        if let Some(d) = weak.upgrade() {
                            if !d.closed.get() {
                                d.focus_heading();
                            }
                        }
                    });
                }
            }
        });
        let dialog_target: web_sys::EventTarget = this.dialog.clone().into();
        let doc_target: web_sys::EventTarget = this.document.clone().into();
        let mut listeners = this.listeners.borrow_mut();
        for (target, kind, closure) in [
            (dialog_target.clone(), "click", on_click),
            (dialog_target, "keydown", on_key),
            (doc_target, "focusin", on_focus),
        ] {
            target
                .add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())
                .map_err(|_| bad("element", "a document that takes event listeners"))?;
            listeners.push((target, kind, closure));
        }
        Ok(())
    }

    /// Redraws when the page dispatches on the flow itself (its own verification, say), if the
    /// flow offers the package's subscription.
    fn subscribe(this: &Rc<Dialog>) {
        let key = js_sys::Symbol::for_("minform.consent.subscribe");
        let Some(subscribe) = Reflect::get(&this.flow, &key)
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return;
        };
        let weak = Rc::downgrade(this);
        let listener = Closure::<dyn FnMut(JsValue)>::new(move |_view: JsValue| {
            if let Some(d) = weak.upgrade() {
                if !d.acting.get() && !d.closed.get() {
                    d.after();
                }
            }
        });
        let unsubscribe = subscribe
            .call1(&this.flow, listener.as_ref().unchecked_ref())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        *this.subscription.borrow_mut() = Some((listener, unsubscribe));
    }

    fn el(&self, tag: &str, class: &str) -> Element {
        // Creating a standard element in a live document does not fail.
        let e = self
            .document
            .create_element(tag)
            .unwrap_or_else(|_| self.dialog.clone());
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e
    }

    fn text(&self, tag: &str, class: &str, text: &str) -> Element {
        let e = self.el(tag, class);
        e.set_text_content(Some(text));
        e
    }

    /// Reads `flow.view()`.
    fn read_view(&self) -> Result<View, Error> {
        let view = Reflect::get(&self.flow, &"view".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&self.flow).ok())
            .ok_or_else(|| bad("flow", "a ConsentFlow whose view() works"))?;
        // Read as JSON: serde_json is in the module anyway, a JsValue deserializer is not.
        js_sys::JSON::stringify(&view)
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok())
            .ok_or_else(|| bad("flow", "a ConsentFlow view"))
    }

    /// Draws the current view; `error` is a message to announce.
    fn render(&self, error: Option<&str>) -> Result<(), Error> {
        let view = self.read_view()?;
        let d = &self.dialog;
        d.set_text_content(None);
        let _ = d.set_attribute("lang", &view.lang);
        let _ = d.set_attribute("data-step", &view.step);
        let p = &self.prefix;
        let title = self.text("h2", "minform-consent__title", &view.title);
        let _ = title.set_attribute("id", &format!("{p}-title"));
        let _ = title.set_attribute("tabindex", "-1");
        let _ = d.append_child(&title);
        let body = self.el("div", "minform-consent__text");
        let _ = body.set_attribute("id", &format!("{p}-text"));
        for para in &view.paragraphs {
            let _ = body.append_child(&self.text("p", "", para));
        }
        let _ = d.append_child(&body);
        if !view.options.is_empty() {
            let _ = d.append_child(&self.radio_group(&view.options, &view.title));
        }
        if let Some(input) = &view.input {
            let _ = d.append_child(&self.date_input(input, &view.title));
        }
        if !view.choices.is_empty() {
            let _ = d.append_child(&self.choices(&view));
        }
        let alert = self.el("p", "minform-consent__error");
        let _ = alert.set_attribute("role", "alert");
        let _ = alert.set_attribute("id", &format!("{p}-error"));
        if let Some(message) = error {
            alert.set_text_content(Some(message));
        }
        let _ = d.append_child(&alert);
        let actions = self.el("div", "minform-consent__actions");
        for (i, a) in view.actions.iter().enumerate() {
            let class = if i == 0 {
                "minform-consent__button minform-consent__button--primary"
            } else {
                "minform-consent__button"
            };
            let b = self.text("button", class, &a.label);
            let _ = b.set_attribute("type", "button");
            let _ = b.set_attribute("data-action", &a.kind);
            let _ = actions.append_child(&b);
        }
        if let Some(label) = &view.dismiss {
            let b = self.text("button", "minform-consent__button", label);
            let _ = b.set_attribute("type", "button");
            let _ = b.set_attribute("data-dismiss", "");
            let _ = actions.append_child(&b);
        }
        let _ = d.append_child(&actions);
        *self.view.borrow_mut() = view;
        if error.is_some() {
            // Keep the user where they were typing; the alert is announced.
            if let Some(first) = self.focusables().first() {
                let _ = first.focus();
            }
        } else {
            self.focus_heading();
        }
        Ok(())
    }

    /// Year (typed), month (chosen) and an optional day: no default anywhere.
    fn date_input(&self, input: &InputView, legend: &str) -> Element {
        let p = &self.prefix;
        let set = self.el("fieldset", "minform-consent__date");
        let _ = set.append_child(&self.text("legend", "minform-consent__visually-hidden", legend));
        let field = |label: &str, id: &str, control: &Element| {
            let wrap = self.el("div", "minform-consent__field");
            let l = self.text("label", "", label);
            let _ = l.set_attribute("for", id);
            let _ = control.set_attribute("id", id);
            let _ = wrap.append_child(&l);
            let _ = wrap.append_child(control);
            let _ = set.append_child(&wrap);
        };
        let year = self.el("input", "minform-consent__year");
        for (k, v) in [
            ("type", "text"),
            ("inputmode", "numeric"),
            ("autocomplete", "bday-year"),
            ("maxlength", "4"),
            ("size", "4"),
            ("aria-describedby", &format!("{p}-error")),
        ] {
            let _ = year.set_attribute(k, v);
        }
        field(&input.year, &format!("{p}-year"), &year);
        let select = |autocomplete: &str, options: &[(String, String)]| {
            let s = self.el("select", "");
            let _ = s.set_attribute("autocomplete", autocomplete);
            let _ = s.set_attribute("aria-describedby", &format!("{p}-error"));
            for (value, label) in options {
                let o = self.text("option", "", label);
                let _ = o.set_attribute("value", value);
                let _ = s.append_child(&o);
            }
            s
        };
        let none = (String::new(), input.choose.clone());
        let months: Vec<(String, String)> = std::iter::once(none.clone())
            .chain(
                input
                    .months
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (format!("{:02}", i + 1), m.clone())),
            )
            .collect();
        field(
            &input.month,
            &format!("{p}-month"),
            &select("bday-month", &months),
        );
        let days: Vec<(String, String)> = std::iter::once(none)
            .chain((1..=31).map(|d| (format!("{d:02}"), d.to_string())))
            .collect();
        field(&input.day, &format!("{p}-day"), &select("bday-day", &days));
        set
    }

    /// A single choice (the `whose` step): native radio buttons in a fieldset whose legend is
    /// the question; none is checked, so nothing is chosen for the user. Tab reaches the group,
    /// the arrow keys or Space choose, Enter answers.
    fn radio_group(&self, options: &[OptionView], legend: &str) -> Element {
        let p = &self.prefix;
        let set = self.el("fieldset", "minform-consent__options");
        let _ = set.append_child(&self.text("legend", "minform-consent__visually-hidden", legend));
        for (i, o) in options.iter().enumerate() {
            let id = format!("{p}-option-{i}");
            let wrap = self.el("div", "minform-consent__choice");
            let r = self.el("input", "minform-consent__option");
            for (k, v) in [
                ("type", "radio"),
                ("name", &format!("{p}-option")),
                ("id", &id),
                ("value", &o.value),
                ("aria-describedby", &format!("{p}-error")),
            ] {
                let _ = r.set_attribute(k, v);
            }
            let l = self.text("label", "", &o.label);
            let _ = l.set_attribute("for", &id);
            let _ = wrap.append_child(&r);
            let _ = wrap.append_child(&l);
            let _ = set.append_child(&wrap);
        }
        set
    }

    fn choices(&self, view: &View) -> Element {
        let set = self.el("fieldset", "minform-consent__choices");
        let _ =
            set.append_child(&self.text("legend", "minform-consent__visually-hidden", &view.title));
        for (i, c) in view.choices.iter().enumerate() {
            let id = format!("{}-choice-{i}", self.prefix);
            let wrap = self.el("div", "minform-consent__choice");
            let b = self.el("input", "");
            let _ = b.set_attribute("type", "checkbox");
            let _ = b.set_attribute("id", &id);
            let _ = b.set_attribute("data-id", &c.id);
            let _ = b.set_attribute("data-kind", &c.kind);
            if let Ok(b) = b.clone().dyn_into::<HtmlInputElement>() {
                b.set_checked(c.checked);
                // A required purpose is a condition of the service: shown, fixed; declining
                // the whole flow is the alternative.
                b.set_disabled(c.required);
            }
            let l = self.text("label", "", &c.label);
            let _ = l.set_attribute("for", &id);
            let _ = wrap.append_child(&b);
            match &c.description {
                // What needs it and what refusing means: read with the checkbox.
                Some(description) => {
                    let text = self.el("div", "minform-consent__choice-text");
                    let hint = self.text("p", "minform-consent__hint", description);
                    let _ = hint.set_attribute("id", &format!("{id}-hint"));
                    let _ = b.set_attribute("aria-describedby", &format!("{id}-hint"));
                    let _ = text.append_child(&l);
                    let _ = text.append_child(&hint);
                    let _ = wrap.append_child(&text);
                }
                None => {
                    let _ = wrap.append_child(&l);
                }
            }
            let _ = set.append_child(&wrap);
        }
        set
    }

    fn focus_heading(&self) {
        if let Ok(Some(h)) = self.dialog.query_selector("h2") {
            if let Ok(h) = h.dyn_into::<HtmlElement>() {
                let _ = h.focus();
            }
        }
    }

    /// The enabled controls, in document order.
    fn focusables(&self) -> Vec<HtmlElement> {
        let mut out = Vec::new();
        if let Ok(list) = self.dialog.query_selector_all(
            "input:not([disabled]), select:not([disabled]), button:not([disabled])",
        ) {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// Tab and Shift+Tab wrap inside the dialog; Escape closes it; Enter in the year field
    /// answers the gate, Enter on an answer of the `whose` step answers it.
    fn key(&self, e: &KeyboardEvent) {
        match e.key().as_str() {
            "Tab" => {
                let items = self.focusables();
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    e.prevent_default();
                    return;
                };
                let active = self.document.active_element();
                // A radio group is one stop in the tab order: any of its buttons is "at" it.
                let radio_name = |el: &Element| {
                    el.get_attribute("type")
                        .filter(|t| t == "radio")
                        .and(el.get_attribute("name"))
                };
                let at = |el: &HtmlElement| {
                    let el: &Element = el.as_ref();
                    active.as_ref().is_some_and(|a| {
                        a == el || radio_name(a).is_some_and(|n| radio_name(el) == Some(n))
                    })
                };
                let on_heading = active
                    .as_ref()
                    .is_some_and(|a| a.tag_name().eq_ignore_ascii_case("h2"));
                if e.shift_key() && (at(first) || on_heading) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && at(last) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            // Escape closes the dialog (WAI-ARIA dialog pattern) without deciding anything: the
            // flow stays where it is, and nothing is consented that was not before.
            "Escape" => {
                e.prevent_default();
                self.finish();
            }
            "Enter" => {
                let class = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .map(|t| t.class_name())
                    .unwrap_or_default();
                let answers = match class.as_str() {
                    "minform-consent__year" => Some("age"),
                    "minform-consent__option" => Some("respondent"),
                    _ => None,
                };
                if let Some(kind) = answers {
                    e.prevent_default();
                    self.act(kind);
                }
            }
            _ => {}
        }
    }

    fn clicked(&self, e: &Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Ok(Some(_)) = target.closest("[data-dismiss]") {
            self.finish();
            return;
        }
        if let Ok(Some(button)) = target.closest("button[data-action]") {
            if let Some(kind) = button.get_attribute("data-action") {
                self.act(&kind);
            }
        }
    }

    /// The action object for a button, from the controls on screen.
    fn action(&self, kind: &str) -> Object {
        let a = Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&a, &k.into(), v);
        };
        set("type", &kind.into());
        let value = |suffix: &str| -> String {
            let id = format!("{}-{suffix}", self.prefix);
            match self.document.get_element_by_id(&id) {
                Some(e) => match e.clone().dyn_into::<HtmlInputElement>() {
                    Ok(i) => i.value(),
                    Err(_) => e
                        .dyn_into::<HtmlSelectElement>()
                        .map(|s| s.value())
                        .unwrap_or_default(),
                },
                None => String::new(),
            }
        };
        match kind {
            "respondent" => {
                // The checked answer; none checked sends "", which the flow refuses with
                // `invalid_argument` (announced as the view's message).
                let chosen = self
                    .dialog
                    .query_selector("input.minform-consent__option:checked")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .unwrap_or_default();
                set("respondent", &chosen.into());
            }
            "age" => {
                let (year, month, day) = (value("year"), value("month"), value("day"));
                let mut date = format!("{}-{month}", year.trim());
                if !day.is_empty() {
                    date = format!("{date}-{day}");
                }
                set("birthDate", &date.into());
            }
            "grant" | "withdraw" => {
                // grant: the ticked items; withdraw: the ticked items are the ones to withdraw.
                let purposes = js_sys::Array::new();
                let sensitive = js_sys::Array::new();
                if let Ok(list) = self.dialog.query_selector_all("input[type=checkbox]") {
                    for i in 0..list.length() {
                        let Some(b) = list
                            .item(i)
                            .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                        else {
                            continue;
                        };
                        if !b.checked() {
                            continue;
                        }
                        let id = b.get_attribute("data-id").unwrap_or_default();
                        match b.get_attribute("data-kind").as_deref() {
                            Some("sensitive") => sensitive.push(&id.into()),
                            _ => purposes.push(&id.into()),
                        };
                    }
                }
                set("purposes", &purposes);
                set("sensitiveCategories", &sensitive);
            }
            _ => {}
        }
        a
    }

    /// Sends an action to the flow and draws what follows.
    fn act(&self, kind: &str) {
        if kind == "guardian_verified" {
            self.verify();
            return;
        }
        self.dispatch(self.action(kind).into());
    }

    fn dispatch(&self, action: JsValue) {
        self.acting.set(true);
        let result = Reflect::get(&self.flow, &"dispatch".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .map(|f| f.call1(&self.flow, &action));
        self.acting.set(false);
        match result {
            Some(Ok(_)) => self.after(),
            Some(Err(err)) => {
                let code = Reflect::get(&err, &"code".into())
                    .ok()
                    .and_then(|c| c.as_string())
                    .unwrap_or_default();
                self.show_error(&code);
            }
            None => self.show_error("error"),
        }
    }

    /// The message for an error code, from the view (never the error's own text, which is
    /// for developers).
    fn show_error(&self, code: &str) {
        let message = {
            let view = self.view.borrow();
            view.errors
                .get(code)
                .or_else(|| view.errors.get("error"))
                .cloned()
                .unwrap_or_default()
        };
        if let Some(alert) = self
            .document
            .get_element_by_id(&format!("{}-error", self.prefix))
        {
            alert.set_text_content(Some(&message));
        }
    }

    /// Calls the integrator's `verifyGuardian()`; its (awaited) answer is the method recorded.
    fn verify(&self) {
        let Some(verify) = self.verify_guardian.clone() else {
            self.show_error("verification_unavailable");
            return;
        };
        if self.busy.replace(true) {
            return;
        }
        let answer = match verify.call0(&JsValue::NULL) {
            Ok(v) => v,
            Err(_) => {
                self.busy.set(false);
                self.show_error("verification_failed");
                return;
            }
        };
        // Resolved through a Promise either way, so sync and async verifiers behave alike.
        let (ok, failed) = (self.me.borrow().clone(), self.me.borrow().clone());
        let on_ok = Closure::once_into_js(move |method: JsValue| {
            if let Some(d) = ok.upgrade() {
                d.busy.set(false);
                match method.as_string().filter(|m| !m.trim().is_empty()) {
                    Some(m) => {
                        let a = Object::new();
                        let _ = Reflect::set(&a, &"type".into(), &"guardian_verified".into());
                        let _ = Reflect::set(&a, &"method".into(), &m.into());
                        d.dispatch(a.into());
                    }
                    None => d.show_error("verification_failed"),
                }
            }
        });
        let on_err = Closure::once_into_js(move |_: JsValue| {
            if let Some(d) = failed.upgrade() {
                d.busy.set(false);
                d.show_error("verification_failed");
            }
        });
        let promise = js_sys::Promise::resolve(&answer);
        let then = Reflect::get(&promise, &"then".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        if let Some(then) = then {
            let _ = then.call2(&promise, &on_ok, &on_err);
        }
    }

    /// After a successful dispatch: close on `done`/`declined` reached here, else redraw.
    fn after(&self) {
        let before = self.view.borrow().step.clone();
        match self.read_view() {
            Ok(v) if (v.step == "done" || v.step == "declined") && v.step != before => {
                *self.view.borrow_mut() = v;
                self.finish();
            }
            Ok(_) => {
                let _ = self.render(None);
            }
            Err(_) => self.show_error("error"),
        }
    }

    /// Closes and reports to `onDone(consents, receipt)`.
    fn finish(&self) {
        self.close();
        if let Some(on_done) = &self.on_done {
            let call = |name: &str| {
                Reflect::get(&self.flow, &name.into())
                    .ok()
                    .and_then(|f| f.dyn_into::<Function>().ok())
                    .and_then(|f| f.call0(&self.flow).ok())
                    .unwrap_or(JsValue::NULL)
            };
            let _ = on_done.call2(&JsValue::NULL, &call("consents"), &call("receipt"));
        }
    }

    fn close(&self) {
        if self.closed.replace(true) {
            return;
        }
        // The closures themselves stay alive until the dialog is dropped: one of them may be
        // the one running now.
        for (target, kind, closure) in self.listeners.borrow().iter() {
            let _ =
                target.remove_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        }
        if let Some((_, Some(unsubscribe))) = self.subscription.borrow().as_ref() {
            let _ = unsubscribe.call0(&JsValue::NULL);
        }
        for el in self.inerted.borrow_mut().drain(..) {
            let _ = el.remove_attribute("inert");
        }
        self.backdrop.remove();
        if let Some(p) = &self.previous {
            let _ = p.focus();
        }
        // Released after the handler that closed it has returned.
        let keep = self.alive.borrow_mut().take();
        later(move || drop(keep));
    }
}
