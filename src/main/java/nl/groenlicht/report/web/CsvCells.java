package nl.groenlicht.report.web;

/** CSV cells that spreadsheets read as text. */
public final class CsvCells {

    private CsvCells() {
    }

    /** Quoted, and a leading = + - @ made harmless so that a spreadsheet never runs typed text as a formula. */
    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
