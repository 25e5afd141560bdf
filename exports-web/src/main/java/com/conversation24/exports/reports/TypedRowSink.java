package com.conversation24.exports.reports;

/**
 * Where rows go as typed cells, for a format that keeps the types (XLSX: numbers as numbers, times
 * as date-times): each row is begun, then its selected columns write their cells in order.
 */
public interface TypedRowSink extends CellSink {

  /** Starts a row; the cells that follow are its cells in column order. */
  void beginRow();
}
