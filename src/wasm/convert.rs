//! Conversions between JavaScript values and core types, with typed errors that carry paths.

use std::cell::RefCell;

use js_sys::{JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Error;
use crate::pseudonym::Pseudonymizer;

thread_local! {
    static ERROR_CLASS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

pub(super) fn register_error_class(class: js_sys::Function) {
    ERROR_CLASS.with(|slot| *slot.borrow_mut() = Some(class));
}

/// The JavaScript `Error` for a core error: `new MinformError(message, { code, path })` when the
/// class is registered, else an `Error` with `name = "MinformError"`, `code` and `path` set.
pub(crate) fn js_error(err: &Error) -> JsValue {
    let message = err.to_string();
    let details = Object::new();
    set(&details, "code", &err.code().into());
    if let Some(path) = err.path() {
        set(&details, "path", &path.into());
    }
    if let Error::ConsentRequired {
        purpose, category, ..
    } = err
    {
        set(&details, "purpose", &purpose.into());
        if let Some(category) = category {
            set(&details, "category", &category.into());
        }
    }
    let registered = ERROR_CLASS.with(|slot| slot.borrow().clone());
    if let Some(class) = registered {
        let args = js_sys::Array::of2(&message.as_str().into(), &details);
        if let Ok(instance) = Reflect::construct(&class, &args) {
            return instance;
        }
    }
    let plain = js_sys::Error::new(&message);
    plain.set_name("MinformError");
    let _ = Object::assign(&plain, &details);
    plain.into()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &key.into(), value);
}

/// `path` must be a string of valid Unicode (no lone surrogates).
pub(crate) fn string(value: &JsValue, path: &str) -> Result<String, Error> {
    let s = value
        .dyn_ref::<JsString>()
        .ok_or_else(|| Error::InvalidArgument {
            path: path.into(),
            expected: "a string".into(),
        })?;
    if !s.is_valid_utf16() {
        return Err(Error::InvalidString { path: path.into() });
    }
    Ok(String::from(s))
}

/// `path` must be a non-null object; returns it.
pub(crate) fn object<'a>(value: &'a JsValue, path: &str) -> Result<&'a Object, Error> {
    if value.is_object() && !value.is_null() {
        Ok(value.unchecked_ref())
    } else {
        Err(Error::InvalidArgument {
            path: path.into(),
            expected: "an object".into(),
        })
    }
}

/// Reads property `name` of `obj`. A throwing getter or proxy is reported as a bad argument.
pub(crate) fn property(obj: &Object, name: &str, path: &str) -> Result<JsValue, Error> {
    Reflect::get(obj, &name.into()).map_err(|_| Error::InvalidArgument {
        path: path.into(),
        expected: "a readable property".into(),
    })
}

/// `path` must be a `Uint8Array` (a Node `Buffer` is one); returns a copy of its bytes.
pub(crate) fn bytes(value: &JsValue, path: &str) -> Result<Vec<u8>, Error> {
    value
        .dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| Error::InvalidArgument {
            path: path.into(),
            expected: "a Uint8Array of at least 32 secret random bytes".into(),
        })
}

/// The `{ key, context }` options of the pseudonym functions.
pub(crate) struct PseudonymOptions {
    pub(crate) key: Vec<u8>,
    pub(crate) context: String,
    pub(crate) path: String,
}

impl PseudonymOptions {
    pub(crate) fn read(value: &JsValue, path: &str) -> Result<Self, Error> {
        let obj = object(value, path)?;
        let key_path = format!("{path}.key");
        let context_path = format!("{path}.context");
        let key = bytes(&property(obj, "key", &key_path)?, &key_path)?;
        let context = string(&property(obj, "context", &context_path)?, &context_path)?;
        Ok(PseudonymOptions {
            key,
            context,
            path: path.into(),
        })
    }

    /// The core pseudonymizer for these options, with error paths under `options.`.
    pub(crate) fn pseudonymizer(&self) -> Result<Pseudonymizer, Error> {
        Pseudonymizer::new(&self.key, &self.context).map_err(|e| e.under(&self.path))
    }
}

/// The `{ subjectAge?, jurisdiction? }` options of `classifyFields`, validated; `undefined`
/// means none.
pub(crate) fn classify_options(
    value: &JsValue,
    path: &str,
) -> Result<crate::classify::ClassifyOptions, Error> {
    let mut options = crate::classify::ClassifyOptions::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let obj = object(value, path)?;
    let age_path = format!("{path}.subjectAge");
    let age = property(obj, "subjectAge", &age_path)?;
    if !age.is_undefined() && !age.is_null() {
        options.subject_age = Some(age.as_f64().ok_or_else(|| Error::InvalidArgument {
            path: age_path,
            expected: "a number of years".into(),
        })?);
    }
    let j_path = format!("{path}.jurisdiction");
    let j = property(obj, "jurisdiction", &j_path)?;
    if !j.is_undefined() && !j.is_null() {
        options.jurisdiction = Some(string(&j, &j_path)?);
    }
    // Checked here, once, so that an unknown jurisdiction or a bad age carries its path.
    options.child_in().map_err(|e| e.under(path))?;
    Ok(options)
}
