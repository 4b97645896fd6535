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
/// a UTF-8 BOM. Cells that a spreadsheet would run as a formula are made inert (see `inert_cell`).
pub fn csv_with_bom<'a, R, I>(records: I) -> Result<String, String>
where
    I: IntoIterator<Item = &'a R>,
    R: AsRef<[String]> + 'a,
{
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for record in records {
        writer
            .write_record(record.as_ref().iter().map(|cell| inert_cell(cell).into_owned()))
            .map_err(|e| format!("CSV: {e}"))?;
    }
    let bytes = writer.into_inner().map_err(|e| format!("CSV: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("CSV: {e}"))?;
    Ok(format!("\u{FEFF}{text}"))
}

/// A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is a formula to Excel, LibreOffice and
/// Google Sheets (`=HYPERLINK(...)` runs on a click): such a cell gets a leading `'`, as OWASP advises.
/// Numbers (`-0.5`) are left alone, so figures stay figures.
pub fn inert_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let starts_formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_formula && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::inert_cell;

    #[test]
    fn formulas_are_made_inert_and_numbers_kept() {
        assert_eq!(inert_cell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(inert_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert_cell("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(inert_cell("\t=1"), "'\t=1");
        assert_eq!(inert_cell("-0.5"), "-0.5");
        assert_eq!(inert_cell("Ministry of Justice"), "Ministry of Justice");
        assert_eq!(inert_cell(""), "");
    }
}
