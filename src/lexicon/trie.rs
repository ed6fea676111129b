//! A small sorted-children trie, used for Chinese terms (keys: chars), English and pinyin
//! vocabularies (chars) and English phrases (keys: word ids).

/// "No word": a position in a word sequence that is not in the vocabulary.
pub const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Node<K> {
    children: Vec<(K, u32)>,
    value: u32,
}

impl<K> Default for Node<K> {
    fn default() -> Self {
        Node {
            children: Vec::new(),
            value: NONE,
        }
    }
}

/// Keys of type `K` (sequences) → `u32` values.
#[derive(Debug, Clone)]
pub struct Trie<K> {
    nodes: Vec<Node<K>>,
    values: usize,
    /// The root's children indexed by key (see [`Trie::index_root`]): the root has by far the
    /// most children and is visited once per start position, so it gets a direct table.
    root_table: Vec<u32>,
}

impl<K> Default for Trie<K> {
    fn default() -> Self {
        Trie {
            nodes: vec![Node::default()],
            values: 0,
            root_table: Vec::new(),
        }
    }
}

/// The trie of char sequences.
pub type CharTrie = Trie<char>;

/// A key that can index a table.
pub trait Key: Ord + Copy {
    /// The key's position in a dense table.
    fn index(self) -> usize;
}

impl Key for char {
    fn index(self) -> usize {
        self as usize
    }
}

impl Key for u8 {
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl Key for u32 {
    fn index(self) -> usize {
        self as usize
    }
}

impl<K: Key> Trie<K> {
    /// The root node.
    pub fn root(&self) -> u32 {
        0
    }

    /// Builds the direct table for root children whose key index is below `limit` (call after
    /// the last insert).
    pub fn index_root(&mut self, limit: usize) {
        let children = &self.nodes[0].children;
        let size = children
            .iter()
            .map(|(k, _)| k.index() + 1)
            .filter(|&i| i <= limit)
            .max()
            .unwrap_or(0);
        self.root_table = vec![NONE; size];
        for &(k, child) in children {
            if let Some(slot) = self.root_table.get_mut(k.index()) {
                *slot = child;
            }
        }
    }

    /// The child of `node` along `key`.
    pub fn child(&self, node: u32, key: K) -> Option<u32> {
        if node == 0 && !self.root_table.is_empty() {
            if let Some(&child) = self.root_table.get(key.index()) {
                return (child != NONE).then_some(child);
            }
            if key.index() < self.root_table.len() {
                return None;
            }
        }
        let children = &self.nodes[node as usize].children;
        children
            .binary_search_by(|(k, _)| k.cmp(&key))
            .ok()
            .map(|i| children[i].1)
    }

    /// The value stored at `node`, if a key ends there.
    pub fn value(&self, node: u32) -> Option<u32> {
        let v = self.nodes[node as usize].value;
        (v != NONE).then_some(v)
    }

    /// The value of the whole key.
    pub fn get(&self, key: impl IntoIterator<Item = K>) -> Option<u32> {
        let mut node = self.root();
        for k in key {
            node = self.child(node, k)?;
        }
        self.value(node)
    }

    /// Number of keys stored.
    pub fn len(&self) -> usize {
        self.values
    }

    /// Stores `value` under `key`; `false` (and no change) if the key is already present.
    /// Invalidates the root table: call [`Trie::index_root`] again after inserting.
    pub fn insert(&mut self, key: impl IntoIterator<Item = K>, value: u32) -> bool {
        self.root_table.clear();
        let mut node = 0usize;
        for k in key {
            let next_index = self.nodes.len() as u32;
            let children = &mut self.nodes[node].children;
            node = match children.binary_search_by(|(c, _)| c.cmp(&k)) {
                Ok(i) => children[i].1 as usize,
                Err(i) => {
                    children.insert(i, (k, next_index));
                    self.nodes.push(Node::default());
                    next_index as usize
                }
            };
        }
        if self.nodes[node].value != NONE {
            return false;
        }
        self.nodes[node].value = value;
        self.values += 1;
        true
    }
}
