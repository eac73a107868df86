//! The binary model format: writing, validated reading, quantisation.

use super::*;

impl Model {
    // ----- binary format -----

    /// Serialise to the binary model format (little-endian; see `models/ner/README.md`),
    /// ending with an FNV-64 checksum.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        put_u32(&mut b, VERSION);
        let header = serde_json::json!({
            "types": self.labels.types,
            "cfg": self.cfg,
            "temperature": self.temperature,
        })
        .to_string();
        put_u32(&mut b, header.len() as u32);
        b.extend_from_slice(header.as_bytes());
        // gazetteer
        put_u32(&mut b, self.gaz.max_len as u32);
        let mut g: Vec<(u64, u8)> = self.gaz.map.iter().map(|(&k, &v)| (k, v)).collect();
        g.sort_unstable();
        put_u64(&mut b, g.len() as u64);
        for (k, v) in g {
            put_u64(&mut b, k);
            b.push(v);
        }
        // clusters
        let mut c: Vec<(u64, [u16; 3])> = self.clusters.map.iter().map(|(&k, &v)| (k, v)).collect();
        c.sort_unstable();
        put_u64(&mut b, c.len() as u64);
        for (k, v) in c {
            put_u64(&mut b, k);
            for x in v {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        let ws: Vec<&Table> = std::iter::once(&self.w1).chain(self.w2.as_ref()).collect();
        put_u32(&mut b, ws.len() as u32);
        for w in ws {
            write_weights(&mut b, w);
        }
        match &self.aux {
            Some(a) => {
                let ab = a.to_bytes();
                put_u64(&mut b, ab.len() as u64);
                b.extend_from_slice(&ab);
            }
            None => put_u64(&mut b, 0),
        }
        let sum = crate::ner::hash::fnv(&b);
        put_u64(&mut b, sum);
        b
    }

    /// Parse a model file. Checks magic, version, sizes, checksum and that values are
    /// finite; a bad file is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        Model::decode_bytes(bytes, true)
    }

    /// A model compiled into the binary: as [`Model::from_bytes`] without the
    /// checksum, which would cost every process start ~10 ms and guards
    /// against corrupt files, not against a corrupt binary (a test checks the
    /// embedded model's checksum once).
    pub fn from_embedded(bytes: &'static [u8]) -> Result<Model, NerError> {
        Model::decode_bytes(bytes, false)
    }

    fn decode_bytes(bytes: &[u8], check_sum: bool) -> Result<Model, NerError> {
        let body = checked_body(bytes, check_sum)?;
        let mut r = Reader { b: body, p: 8 };
        let (labels, cfg, temperature) = read_header(&mut r)?;
        let gaz = read_gazetteer(&mut r)?;
        let clusters = read_clusters(&mut r)?;
        let (w1, w2) = read_tables(&mut r, labels.n, &cfg)?;
        let aux = read_aux(&mut r)?;
        if r.remaining() != 0 {
            return Err(bad_model("trailing bytes"));
        }
        if cfg.aux && aux.is_none() {
            return Err(bad_model("model expects an auxiliary tagger"));
        }
        Ok(Model {
            labels,
            cfg,
            gaz,
            clusters,
            w1,
            w2,
            temperature,
            fused: Default::default(),
            aux,
        })
    }
}

fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(b: &mut Vec<u8>, v: u64) {
    b.extend_from_slice(&v.to_le_bytes());
}

/// Sparse quantised rows: bitmap of non-zero rows, then per row an f32 scale and
/// `n` i8 values (w = q * scale).
fn write_weights(b: &mut Vec<u8>, w: &Table) {
    put_u32(b, w.bits);
    put_u32(b, w.n as u32);
    for &t in &w.trans {
        b.extend_from_slice(&t.to_le_bytes());
    }
    let nb = 1usize << w.bits;
    let mut bitmap = vec![0u8; nb / 8];
    for (i, byte) in bitmap.iter_mut().enumerate() {
        *byte = (w.bitmap[i / 8] >> (8 * (i % 8))) as u8;
    }
    b.extend_from_slice(&bitmap);
    b.extend_from_slice(&w.data);
}

fn bad_model(m: &str) -> NerError {
    NerError::BadModel(m.to_string())
}

/// The file without its checksum, after checking its length and magic and (with
/// `check_sum`) the checksum.
fn checked_body(bytes: &[u8], check_sum: bool) -> Result<&[u8], NerError> {
    if bytes.len() < 8 + 4 + 8 {
        return Err(bad_model("file too short"));
    }
    if &bytes[..8] != MAGIC {
        return Err(bad_model("wrong magic"));
    }
    let (body, tail) = bytes.split_at(bytes.len() - 8);
    let sum = u64::from_le_bytes(tail.try_into().map_err(|_| bad_model("checksum"))?);
    if check_sum && crate::ner::hash::fnv(body) != sum {
        return Err(bad_model("checksum mismatch (corrupt file)"));
    }
    Ok(body)
}

/// The version and the JSON header: labels, feature switches and temperature.
fn read_header(r: &mut Reader) -> Result<(LabelSet, FeatureConfig, f32), NerError> {
    let version = r.u32()?;
    if version != VERSION {
        return Err(NerError::BadModel(format!("unsupported version {version}")));
    }
    let hl = r.u32()? as usize;
    let header: serde_json::Value = serde_json::from_slice(r.take(hl)?)
        .map_err(|e| NerError::BadModel(format!("header: {e}")))?;
    let types: Vec<String> = serde_json::from_value(header["types"].clone())
        .map_err(|e| NerError::BadModel(format!("types: {e}")))?;
    let cfg: FeatureConfig = serde_json::from_value(header["cfg"].clone())
        .map_err(|e| NerError::BadModel(format!("cfg: {e}")))?;
    let temperature = header["temperature"]
        .as_f64()
        .ok_or_else(|| bad_model("temperature"))? as f32;
    if types.is_empty() || types.len() > 8 {
        return Err(bad_model("type count must be 1..=8"));
    }
    if !(10..=26).contains(&cfg.bits) || !(10..=26).contains(&cfg.bits2) {
        return Err(bad_model("bits out of range"));
    }
    Ok((LabelSet::new(types), cfg, temperature))
}

/// The learned gazetteer: its longest sequence, then (hash, type mask) entries.
fn read_gazetteer(r: &mut Reader) -> Result<LearnedGazetteer, NerError> {
    let max_len = r.u32()? as usize;
    let ng = r.u64()? as usize;
    // 9 bytes an entry: a size larger than the rest of the file is corrupt, and must not
    // reserve memory
    if ng > r.remaining() / 9 {
        return Err(bad_model("gazetteer size"));
    }
    let mut map = IdMap::default();
    map.reserve(ng);
    for _ in 0..ng {
        let k = r.u64()?;
        let v = r.take(1)?[0];
        map.insert(k, v);
    }
    Ok(LearnedGazetteer { map, max_len })
}

/// The word clusters: (hash, three cluster ids) entries.
fn read_clusters(r: &mut Reader) -> Result<Clusters, NerError> {
    let nc = r.u64()? as usize;
    // 14 bytes an entry (see `read_gazetteer`)
    if nc > r.remaining() / 14 {
        return Err(bad_model("cluster size"));
    }
    let mut map = IdMap::default();
    map.reserve(nc);
    for _ in 0..nc {
        let k = r.u64()?;
        let mut v = [0u16; 3];
        for x in &mut v {
            *x = r.u16()?;
        }
        map.insert(k, v);
    }
    Ok(Clusters { map })
}

/// The stage-1 weight table and, if the file has one, stage 2's (of `bits` buckets when
/// it is a full model, else `bits2`).
fn read_tables(
    r: &mut Reader,
    n: usize,
    cfg: &FeatureConfig,
) -> Result<(Table, Option<Table>), NerError> {
    let nw = r.u32()?;
    if !(1..=2).contains(&nw) {
        return Err(bad_model("weight table count"));
    }
    let w1 = read_weights(r, n, cfg.bits)?;
    let w2 = if nw == 2 {
        let bits2 = if cfg.stage2_full { cfg.bits } else { cfg.bits2 };
        Some(read_weights(r, n, bits2)?)
    } else {
        None
    };
    Ok((w1, w2))
}

/// The embedded auxiliary tagger, a whole model file of its own (size 0: none).
fn read_aux(r: &mut Reader) -> Result<Option<Box<Model>>, NerError> {
    let alen = r.u64()? as usize;
    if alen == 0 {
        return Ok(None);
    }
    if alen > r.remaining() {
        return Err(bad_model("aux model size"));
    }
    Ok(Some(Box::new(Model::from_bytes(r.take(alen)?)?)))
}

fn read_weights(r: &mut Reader, n: usize, bits: u32) -> Result<Table, NerError> {
    let bad = |m: &str| NerError::BadModel(m.to_string());
    let wb = r.u32()?;
    let wn = r.u32()? as usize;
    if wb != bits || wn != n {
        return Err(bad("weight table shape"));
    }
    let mut trans = vec![0f32; (n + 1) * n];
    for t in &mut trans {
        *t = r.f32()?;
    }
    if trans.iter().any(|x| !x.is_finite()) {
        return Err(bad("non-finite transition"));
    }
    let nb = 1usize << bits;
    let bitmap = r.take(nb / 8)?;
    let nz: usize = bitmap.iter().map(|b| b.count_ones() as usize).sum();
    if r.remaining() < nz * (4 + n) {
        return Err(bad("truncated weight rows"));
    }
    let st = 4 + n;
    let data = r.take(nz * st)?.to_vec();
    for k in 0..nz {
        let o = k * st;
        let scale = f32::from_le_bytes([data[o], data[o + 1], data[o + 2], data[o + 3]]);
        if !scale.is_finite() {
            return Err(bad("non-finite weight"));
        }
    }
    let mut words = vec![0u64; nb.div_ceil(64)];
    for (i, &byte) in bitmap.iter().enumerate() {
        words[i / 8] |= (byte as u64) << (8 * (i % 8));
    }
    let rank = Table::build_rank(&words);
    Ok(Table {
        bits,
        n,
        bitmap: words,
        rank,
        data,
        trans,
    })
}

/// Quantise weights exactly as the file format does (so dev scores during training
/// match the saved model).
pub fn quantize(w: &mut Weights) {
    let n = w.n;
    for row in w.emit.chunks_mut(n) {
        let m = row.iter().fold(0f32, |a, &x| a.max(x.abs()));
        if m == 0.0 {
            continue;
        }
        let scale = m / 127.0;
        for x in row.iter_mut() {
            *x = (*x / scale).round().clamp(-127.0, 127.0) * scale;
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.b.len() - self.p
    }
    fn take(&mut self, k: usize) -> Result<&'a [u8], NerError> {
        if k > self.remaining() {
            return Err(NerError::BadModel("truncated".into()));
        }
        let s = &self.b[self.p..self.p + k];
        self.p += k;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
}
