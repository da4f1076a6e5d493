//! A deserializer that hands over, in place of each stand-in string, the long text it stands
//! for (see `lift`). It wraps every part of serde's reading (the deserializer, the visitors,
//! the sequences, mappings and tagged values) and changes nothing else, so a document read
//! through it is the one the YAML reader alone would give, field for field.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

/// What starts a stand-in: a private-use character, and the text is read this way only when
/// the file holds none.
pub(super) const MARK: char = '\u{E000}';

/// The texts taken out, by number; each is handed over once.
pub(super) struct Texts {
    slots: RefCell<Vec<Option<String>>>,
}

impl Texts {
    pub(super) fn new(texts: Vec<String>) -> Texts {
        Texts { slots: RefCell::new(texts.into_iter().map(Some).collect()) }
    }

    /// The text `v` stands for; `None` when `v` is no stand-in, an error when it names no
    /// text left.
    fn take(&self, v: &str) -> Option<Result<String, ()>> {
        let number = v.strip_prefix(MARK)?;
        let slot = number.parse::<usize>().ok().and_then(|i| self.slots.borrow_mut().get_mut(i)?.take());
        Some(slot.ok_or(()))
    }

    /// Whether every text was handed over (one left over stood inside some other string).
    pub(super) fn all_taken(&self) -> bool {
        self.slots.borrow().iter().all(Option::is_none)
    }
}

/// Any part of the reading (`inner`), wrapped.
pub(super) struct Swap<'a, T> {
    pub(super) inner: T,
    pub(super) texts: &'a Texts,
}

impl<'a, T> Swap<'a, T> {
    fn wrap<U>(&self, inner: U) -> Swap<'a, U> {
        Swap { inner, texts: self.texts }
    }

    /// The text `v` stands for, when it is a stand-in.
    fn text<E: de::Error>(&self, v: &str) -> Result<Option<String>, E> {
        self.texts.take(v).map(|t| t.map_err(|()| E::custom(TakenTwice))).transpose()
    }
}

macro_rules! deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.wrap(visitor);
            self.inner.$method($($arg,)* visitor)
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Swap<'_, D> {
    type Error = D::Error;
    deserialize! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16(); deserialize_u32();
        deserialize_u64(); deserialize_u128(); deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str); deserialize_seq(); deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! visit {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        })*
    };
}

/// The visits that hand over a part of the reading, wrapped in its turn.
macro_rules! visit_wrapped {
    ($($method:ident($bound:ident);)*) => {
        $(fn $method<P: $bound<'de>>(self, part: P) -> Result<V::Value, P::Error> {
            let part = self.wrap(part);
            self.inner.$method(part)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Swap<'_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }
    visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128); visit_f32(f32);
        visit_f64(f64); visit_char(char); visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        match self.text(v)? {
            Some(text) => self.inner.visit_string(text),
            None => self.inner.visit_str(v),
        }
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        match self.text(v)? {
            Some(text) => self.inner.visit_string(text),
            None => self.inner.visit_borrowed_str(v),
        }
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        let text = self.text(&v)?;
        self.inner.visit_string(text.unwrap_or(v))
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }
    visit_wrapped! {
        visit_some(Deserializer); visit_newtype_struct(Deserializer); visit_seq(SeqAccess); visit_map(MapAccess);
        visit_enum(EnumAccess);
    }
}

/// A stand-in met twice (an alias of it), or one with a number never given: the caller reads
/// the file the ordinary way instead.
struct TakenTwice;

impl fmt::Display for TakenTwice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text taken out before reading was asked for twice")
    }
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Swap<'_, T> {
    type Value = T::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Value, D::Error> {
        let d = self.wrap(d);
        self.inner.deserialize(d)
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Swap<'_, A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_element_seed(seed)
    }
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Swap<'_, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_key_seed(seed)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.next_value_seed(seed)
    }
    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Swap<'a, A> {
    type Error = A::Error;
    type Variant = Swap<'a, A::Variant>;
    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        let seed = self.wrap(seed);
        let texts = self.texts;
        let (value, variant) = self.inner.variant_seed(seed)?;
        Ok((value, Swap { inner: variant, texts }))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Swap<'_, A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.wrap(seed);
        self.inner.newtype_variant_seed(seed)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.tuple_variant(len, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = self.wrap(visitor);
        self.inner.struct_variant(fields, visitor)
    }
}
