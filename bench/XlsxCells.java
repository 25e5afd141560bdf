import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * bench/xlsx.sh's independent check: a Conversations XLSX read by Apache POI's streaming reader
 * (SAX, sheet by sheet, so a million rows need little memory) against the CSV of the same
 * criteria read by Commons CSV, cell by cell. A cell's value is printed as the CSV prints it:
 * whole numbers plainly, `0.00` figures with two decimals, date-times and times in the CSV's
 * patterns, text as it is (with the CSV's `'` before a leading `=+-@`, tab or CR in the text
 * columns). Sheets after the first continue the rows after their own header; a last sheet
 * `Notes` is read as such. Prints the rows and sheets compared; exits 1 at the first difference.
 *
 *   java -cp <POI and Commons CSV> bench/XlsxCells.java conversations.csv conversations.xlsx
 */
public class XlsxCells {

  /** The Conversations columns whose text the CSV guards (REPORTS.md, formula-like text). */
  static final Set<String> TEXT_COLUMNS =
      Set.of(
          "assigned_agent_account_name",
          "last_agent_account_name",
          "requestSource",
          "transcriptUrl",
          "acceptUrl",
          "successcode",
          "survey_comment",
          "visitor_identifier",
          "block_reason",
          "goals");

  static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** Numbers as the CSV prints them, from the cell's value and format, nothing else. */
  static final class CsvPrinting extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString)) {
        LocalDateTime t = DateUtil.getLocalDateTime(value, false, true);
        return t.format(formatString.equals("hh:mm:ss") ? TIME : DATE_TIME);
      }
      BigDecimal figure = BigDecimal.valueOf(value);
      return formatString.equals("0.00")
          ? figure.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
          : figure.toBigIntegerExact().toString();
    }
  }

  public static void main(String[] args) throws Exception {
    Path csvFile = Path.of(args[0]);
    Path xlsxFile = Path.of(args[1]);
    try (Reader in = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
        OPCPackage pkg = OPCPackage.open(xlsxFile.toString(), PackageAccess.READ)) {
      Iterator<CSVRecord> csv = CSVFormat.RFC4180.builder().get().parse(in).iterator();
      List<String> header = csv.next().toList();
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      Comparison comparison = new Comparison(header, csv);
      int sheetCount = 0;
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          sheetCount++;
          comparison.sheet(sheets.getSheetName());
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, comparison, new CsvPrinting(), false));
          parser.parse(new InputSource(sheet));
        }
      }
      if (csv.hasNext()) {
        fail("the CSV has more rows than the workbook's " + comparison.rows);
      }
      System.out.printf("cells equal: %,d rows x %d columns on %d sheet(s), CSV %,d bytes, XLSX %,d bytes%n",
          comparison.rows, header.size(), sheetCount, Files.size(csvFile), Files.size(xlsxFile));
    }
  }

  static void fail(String why) {
    System.out.println("DIFFERENT: " + why);
    System.exit(1);
  }

  /** Each row of each data sheet against the CSV's next record. */
  static final class Comparison implements XSSFSheetXMLHandler.SheetContentsHandler {
    final List<String> header;
    final Iterator<CSVRecord> csv;
    String sheetName;
    boolean notes;
    long rows;
    List<String> cells;

    Comparison(List<String> header, Iterator<CSVRecord> csv) {
      this.header = header;
      this.csv = csv;
    }

    void sheet(String name) {
      sheetName = name;
      notes = name.equals("Notes");
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        cells.add("");
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      if (!notes && column >= header.size()) {
        fail(sheetName + " " + reference + ": a cell beyond the header's " + header.size() + " columns");
      }
      if (!notes) {
        boolean text = TEXT_COLUMNS.contains(header.get(column));
        cells.set(column, text && isFormulaLike(value) ? "'" + value : value);
      }
    }

    @Override
    public void endRow(int rowNum) {
      if (notes) {
        return;
      }
      if (rowNum == 0) {
        if (!cells.equals(header)) {
          fail(sheetName + ": header " + cells + " is not the CSV's " + header);
        }
        return;
      }
      if (!csv.hasNext()) {
        fail(sheetName + " row " + (rowNum + 1) + ": the CSV has only " + rows + " rows");
      }
      List<String> expected = csv.next().toList();
      if (!cells.equals(expected)) {
        for (int i = 0; i < header.size(); i++) {
          if (!cells.get(i).equals(expected.get(i))) {
            fail(sheetName + " row " + (rowNum + 1) + ", " + header.get(i) + ": XLSX [" + cells.get(i)
                + "], CSV [" + expected.get(i) + "]");
          }
        }
      }
      rows++;
    }

    static boolean isFormulaLike(String text) {
      return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
  }
}
