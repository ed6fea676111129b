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
}

impl<K> Default for Trie<K> {
    fn default() -> Self {
        Trie {
            nodes: vec![Node::default()],
            values: 0,
        }
    }
}

/// The trie of char sequences.
pub type CharTrie = Trie<char>;

impl<K: Ord + Copy> Trie<K> {
    /// The root node.
    pub fn root(&self) -> u32 {
        0
    }

    /// The child of `node` along `key`.
    pub fn child(&self, node: u32, key: K) -> Option<u32> {
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
    pub fn insert(&mut self, key: impl IntoIterator<Item = K>, value: u32) -> bool {
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
