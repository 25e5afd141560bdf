-- The facts' pages compressed as the log's are (decision 42): the rows are ids, types, times and
-- keys that repeat from row to row, and InnoDB punches the saved space out of the file.
ALTER TABLE traffic_fact PAGE_COMPRESSED=1;
