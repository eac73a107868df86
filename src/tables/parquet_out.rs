//! Parquet output with the low-level column writers: rows are buffered per
//! table and written as a row group every `ROW_GROUP` rows, so memory stays
//! bounded whatever the batch size.

use std::fs::File;
use std::sync::Arc;

use parquet::basic::{Compression, ConvertedType, LogicalType, Repetition, Type as Physical};
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;

use super::columns::{ColType, Table};
use super::{Cell, Sink, TablesError};

/// Rows per row group: large enough for good compression, small enough
/// that a buffered group of events (with their sentences) stays a few MB.
pub const ROW_GROUP: usize = 8192;

/// One table's Parquet file being written.
pub struct ParquetSink {
    table: Table,
    writer: SerializedFileWriter<File>,
    rows: Vec<Vec<Cell>>,
}

fn schema(table: &Table) -> Result<Type, TablesError> {
    let fields = table
        .columns
        .iter()
        .map(|c| {
            let b = match c.ty {
                ColType::Str => Type::primitive_type_builder(c.name, Physical::BYTE_ARRAY)
                    .with_logical_type(Some(LogicalType::String))
                    .with_converted_type(ConvertedType::UTF8),
                ColType::Int => Type::primitive_type_builder(c.name, Physical::INT64),
                ColType::Float => Type::primitive_type_builder(c.name, Physical::DOUBLE),
                ColType::Bool => Type::primitive_type_builder(c.name, Physical::BOOLEAN),
            };
            b.with_repetition(Repetition::OPTIONAL)
                .build()
                .map(Arc::new)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Type::group_type_builder("attache")
        .with_fields(fields)
        .build()?)
}

impl ParquetSink {
    /// A sink writing `table` into `file`.
    pub fn new(table: Table, file: File) -> Result<Self, TablesError> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .set_created_by(format!("attache {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(file, Arc::new(schema(&table)?), Arc::new(props))?;
        Ok(ParquetSink {
            table,
            writer,
            rows: Vec::with_capacity(ROW_GROUP),
        })
    }

    fn flush_group(&mut self) -> Result<(), TablesError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut group = self.writer.next_row_group()?;
        let mut k = 0;
        while let Some(mut col) = group.next_column()? {
            write_column(col.untyped(), &rows, k, self.table.columns[k].ty)?;
            col.close()?;
            k += 1;
        }
        group.close()?;
        self.rows = Vec::with_capacity(ROW_GROUP);
        Ok(())
    }
}

/// Writes column `k` of `rows`: definition level 1 for a value, 0 for null.
fn write_column(
    w: &mut ColumnWriter<'_>,
    rows: &[Vec<Cell>],
    k: usize,
    ty: ColType,
) -> Result<(), TablesError> {
    let cells = rows.iter().map(|r| r.get(k).unwrap_or(&Cell::Null));
    let levels: Vec<i16> = cells.clone().map(|c| i16::from(!c.is_null())).collect();
    match (w, ty) {
        (ColumnWriter::ByteArrayColumnWriter(w), ColType::Str) => {
            let v: Vec<ByteArray> = cells
                .filter_map(|c| match c {
                    Cell::Str(s) => Some(ByteArray::from(s.as_bytes().to_vec())),
                    _ => None,
                })
                .collect();
            w.write_batch(&v, Some(&levels), None)?;
        }
        (ColumnWriter::Int64ColumnWriter(w), ColType::Int) => {
            let v: Vec<i64> = cells
                .filter_map(|c| match c {
                    Cell::Int(n) => Some(*n),
                    _ => None,
                })
                .collect();
            w.write_batch(&v, Some(&levels), None)?;
        }
        (ColumnWriter::DoubleColumnWriter(w), ColType::Float) => {
            let v: Vec<f64> = cells
                .filter_map(|c| match c {
                    Cell::Float(n) => Some(*n),
                    _ => None,
                })
                .collect();
            w.write_batch(&v, Some(&levels), None)?;
        }
        (ColumnWriter::BoolColumnWriter(w), ColType::Bool) => {
            let v: Vec<bool> = cells
                .filter_map(|c| match c {
                    Cell::Bool(b) => Some(*b),
                    _ => None,
                })
                .collect();
            w.write_batch(&v, Some(&levels), None)?;
        }
        _ => {
            return Err(TablesError::Internal(
                "a column writer of the wrong type".into(),
            ))
        }
    }
    Ok(())
}

impl Sink for ParquetSink {
    fn write_row(&mut self, row: Vec<Cell>) -> Result<(), TablesError> {
        self.rows.push(row);
        if self.rows.len() >= ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), TablesError> {
        self.flush_group()?;
        let file = self.writer.into_inner()?;
        file.sync_all().ok();
        Ok(())
    }
}
