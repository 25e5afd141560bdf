package com.conversation24.exports.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The preview table's lazy model: asks {@link ReportPreview} for one page at a time. */
public class PreviewModel extends LazyDataModel<PreviewModel.Row> {

  private static final long serialVersionUID = 1L;

  private final ExportsPage page;
  private int total;

  PreviewModel(ExportsPage page) {
    this.page = page;
  }

  void reset() {
    total = 0;
  }

  /** One row of the preview: its position in the report and its cells. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int position;
    private final List<String> cells;

    Row(int position, List<String> cells) {
      this.position = position;
      this.cells = new ArrayList<>(cells);
    }

    public int getPosition() {
      return position;
    }

    public List<String> getCells() {
      return cells;
    }
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return page.page(0, 1, Optional.empty()).total();
  }

  @Override
  public List<Row> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Optional<ReportPreview.Sort> sort =
        sortBy.values().stream()
            .filter(s -> s.getOrder() != null && s.getOrder() != SortOrder.UNSORTED)
            .findFirst()
            .map(s -> new ReportPreview.Sort(s.getField(), s.getOrder() == SortOrder.ASCENDING));
    ReportPreview.Page rows = page.page(first, Math.max(pageSize, 1), sort);
    total = rows.total();
    setRowCount(total);
    List<Row> list = new ArrayList<>();
    for (int i = 0; i < rows.rows().size(); i++) {
      list.add(new Row(first + i, rows.rows().get(i)));
    }
    return list;
  }

  @Override
  public String getRowKey(Row row) {
    return Integer.toString(row.getPosition());
  }

  @Override
  public Row getRowData(String rowKey) {
    return null;
  }

  public int getTotal() {
    return total;
  }
}
