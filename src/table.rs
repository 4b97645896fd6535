//! Tables of figures: a chart's numbers (shown under it, "show data") and the scorecard, as CSV.

/// `rows` hold the same numbers the chart draws, as text exactly as displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    pub fn new(columns: &[&str]) -> Self {
        DataTable { columns: columns.iter().map(|c| c.to_string()).collect(), rows: Vec::new() }
    }

    pub fn row(mut self, cells: Vec<String>) -> Self {
        self.rows.push(cells);
        self
    }

    /// CSV, UTF-8 with a byte-order mark so that spreadsheet programs read the text right.
    pub fn to_csv(&self) -> Result<String, String> {
        csv_with_bom(std::iter::once(&self.columns).chain(&self.rows))
    }
}

/// Writes records as RFC 4180 CSV with the csv crate (quoting, escaping, CRLF line ends), preceded by
/// a UTF-8 BOM.
pub fn csv_with_bom<'a, R, I>(records: I) -> Result<String, String>
where
    I: IntoIterator<Item = &'a R>,
    R: AsRef<[String]> + 'a,
{
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for record in records {
        writer.write_record(record.as_ref()).map_err(|e| format!("CSV: {e}"))?;
    }
    let bytes = writer.into_inner().map_err(|e| format!("CSV: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("CSV: {e}"))?;
    Ok(format!("\u{FEFF}{text}"))
}
