import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the console's Exports preview as a browser does and times each answer on the client:
 * signs in with the form, opens the Exports page, chooses Conversations over the given days, then
 * sends PrimeFaces' own AJAX requests (the parameters a headless Chromium sent, captured once) for
 * page changes at the start, the middle, the end and at random across the rows, for sort changes
 * on a few columns, and for page changes while sorted. Every answer is checked against the rows
 * it must hold (all session ids of the page), so that a broken answer is never counted as fast.
 *
 * <p>The expected rows follow bench/lib.sh's seeding: conversation n (1..rows) is session sn,
 * started n seconds after the first day's midnight UTC, with num_messages n % 30 and campaign
 * n % 20 + 1; ties keep the report's order (n).
 *
 * <p>Run: {@code java bench/Preview.java <base-url> <user> <password> <first-day> <last-day> <rows>
 * [page-changes] [seed]}.
 */
public class Preview {

  static final int PAGE = 20;
  static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  static final Pattern NONCE = Pattern.compile("csp\\.init\\('([^']+)'\\)");
  static final Pattern TOTAL = Pattern.compile("\\d+-\\d+ of (\\d+) rows");
  /** A column's header: its id, and the column's name in the file (the title is in words). */
  static final Pattern HEADER =
      Pattern.compile(
          "<th id=\"(exports:table:[^\"]+)\"[^>]*>.*?data-column=\"([^\"]+)\"", Pattern.DOTALL);
  /** A cell's value as the file has it (the text shown may be in words). */
  static final Pattern VALUE = Pattern.compile("data-value=\"([^\"]*)\"");
  static final Pattern ROW = Pattern.compile("<tr [^>]*data-ri=\"(\\d+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final String base;
  String viewState;
  String nonce;
  String dates;
  final Map<String, String> headers = new LinkedHashMap<>();

  Preview(String base) {
    this.base = base.replaceAll("/$", "");
  }

  public static void main(String[] args) throws Exception {
    Preview p = new Preview(args[0]);
    String user = args[1];
    String password = args[2];
    String firstDay = args[3];
    String lastDay = args[4];
    int rows = Integer.parseInt(args[5]);
    int pageChanges = args.length > 6 ? Integer.parseInt(args[6]) : 300;
    long seed = args.length > 7 ? Long.parseLong(args[7]) : 7;

    p.signIn(user, password);
    p.dates = firstDay + " to " + lastDay;
    p.post(p.rangeCustom());

    // First load: the Preview button, which counts the rows and renders the first page.
    long start = System.nanoTime();
    String first = p.post(p.previewButton());
    double firstLoad = ms(start);
    Matcher total = TOTAL.matcher(first);
    check(total.find(), "no row count in the preview's answer", first);
    check(Long.parseLong(total.group(1)) == rows, "the preview counts " + total.group(1) + " rows", "");
    Matcher h = HEADER.matcher(first);
    while (h.find()) {
      p.headers.put(h.group(2), h.group(1));
    }
    List<String> columns = new ArrayList<>(p.headers.keySet());
    int session = columns.indexOf("session_id");
    check(session >= 0, "no session_id column in " + columns, first);
    Expected reportOrder = new Expected(rows, n -> "s" + n);
    p.checkPage(first, 0, rows, reportOrder, session);

    // Page changes in the report's order: warm-up first (not counted), then the measured ones.
    Random random = new Random(seed);
    int lastPage = (rows - 1) / PAGE;
    for (int i = 0; i < 20; i++) {
      p.pageChange(random.nextInt(lastPage + 1) * PAGE, rows, reportOrder, session);
    }
    List<Integer> pages = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      pages.add(i);
      pages.add(lastPage - i + 1);
      pages.add(lastPage / 2 + i);
    }
    while (pages.size() < pageChanges) {
      pages.add(random.nextInt(lastPage + 1));
    }
    List<Double> paging = new ArrayList<>();
    for (int page : pages) {
      paging.add(p.pageChange(page * PAGE, rows, reportOrder, session));
    }

    // Sort changes (each answers the first page of the new order), then page changes in it.
    List<Double> sorting = new ArrayList<>();
    List<Double> sortedPaging = new ArrayList<>();
    Map<String, IntFunction<Comparable<?>>> sorts = new LinkedHashMap<>();
    sorts.put("num_messages", n -> n % 30);
    sorts.put("chatcampaign_id", n -> n % 20 + 1);
    sorts.put("session_id", n -> "s" + n);
    // Cells of the directory's tables, joined when read, and one the projection did not keep.
    sorts.put("requestSource", n -> "Chat button " + (n % 20 + 1));
    sorts.put("assigned_agent_account_name", n -> "Account " + (n % 50 % 4 + 1));
    sorts.put("handlingType", n -> List.of("SELF", "EXTERNAL", "HYBRID").get(n % 3));
    for (Map.Entry<String, IntFunction<Comparable<?>>> sort : sorts.entrySet()) {
      check(p.headers.containsKey(sort.getKey()), "no column " + sort.getKey(), "");
      for (boolean ascending : new boolean[] {true, false}) {
        Expected order = new Expected(rows, sort.getValue(), ascending);
        start = System.nanoTime();
        String answer = p.post(p.sortChange(p.headers.get(sort.getKey()), ascending));
        sorting.add(ms(start));
        System.err.printf(
            "sort change: %s %s in %.0f ms%n",
            sort.getKey(), ascending ? "ascending" : "descending", sorting.get(sorting.size() - 1));
        p.checkPage(answer, 0, rows, order, session);
        for (int i = 0; i < 10; i++) {
          sortedPaging.add(p.pageChange(random.nextInt(lastPage + 1) * PAGE, rows, order, session));
        }
      }
    }

    List<Double> dashboard = p.dashboard(firstDay, LocalDate.parse(firstDay).plusDays(29).toString());

    System.out.printf("rows %d, page size %d%n", rows, PAGE);
    System.out.printf("first load (Preview button) %.0f ms%n", firstLoad);
    print("page changes, report order", paging);
    print("sort changes", sorting);
    print("page changes, sorted", sortedPaging);
    print("dashboard, 30 days (Show)", dashboard);
  }

  /**
   * The Dashboard's Show over the days given, as the browser sends it: the page, the range menu set
   * to "Dates…", then Show five times (the first not counted); each answer must hold the charts.
   */
  List<Double> dashboard(String firstDay, String lastDay) throws Exception {
    String page = get("/dashboard.xhtml");
    Matcher state = VIEW_STATE.matcher(page);
    Matcher csp = NONCE.matcher(page);
    check(state.find() && csp.find(), "no view state or nonce on the Dashboard", page);
    String view = state.group(1);
    String pageNonce = csp.group(1);
    List<String[]> form =
        List.of(
            p("dashboard", "dashboard"),
            p("dashboard:range_input", "custom"),
            p("dashboard:dates_input", firstDay + " to " + lastDay),
            p("dashboard:tz_input", "UTC"),
            p("dashboard:campaigns_focus", ""),
            p("jakarta.faces.ViewState", view),
            p("primefaces.nonce", pageNonce));
    List<String[]> range = new ArrayList<>(form);
    range.addAll(
        List.of(
            p("jakarta.faces.partial.ajax", "true"),
            p("jakarta.faces.source", "dashboard:range"),
            p("jakarta.faces.partial.execute", "dashboard:range"),
            p("jakarta.faces.partial.render", "dashboard:dates-field"),
            p("jakarta.faces.behavior.event", "valueChange"),
            p("jakarta.faces.partial.event", "change")));
    post("/dashboard.xhtml", range);
    List<String[]> show = new ArrayList<>(form);
    show.addAll(
        List.of(
            p("jakarta.faces.partial.ajax", "true"),
            p("jakarta.faces.source", "dashboard:show"),
            p("jakarta.faces.partial.execute", "dashboard"),
            p("jakarta.faces.partial.render", "dashboard:charts dashboard:messages"),
            p("dashboard:show", "dashboard:show")));
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      String answer = post("/dashboard.xhtml", show);
      double took = ms(start);
      check(answer.contains("chats-chart"), "no chart in the Dashboard's answer", answer);
      if (i > 0) {
        times.add(took);
      }
    }
    return times;
  }

  /** The session ids in the order the preview must show them. */
  static final class Expected {
    final String[] sessions;

    Expected(int rows, IntFunction<String> session) {
      sessions = new String[rows];
      for (int n = 1; n <= rows; n++) {
        sessions[n - 1] = session.apply(n);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Expected(int rows, IntFunction<Comparable<?>> key, boolean ascending) {
      Integer[] order = new Integer[rows];
      Comparable[] keys = new Comparable[rows + 1];
      for (int n = 1; n <= rows; n++) {
        order[n - 1] = n;
        keys[n] = key.apply(n);
      }
      // Ties keep the report's order whichever way the column is sorted.
      Arrays.sort(
          order,
          (a, b) -> {
            int c = keys[a].compareTo(keys[b]);
            return c != 0 ? (ascending ? c : -c) : Integer.compare(a, b);
          });
      sessions = Arrays.stream(order).map(n -> "s" + n).toArray(String[]::new);
    }
  }

  double pageChange(int first, int rows, Expected expected, int session) throws Exception {
    long start = System.nanoTime();
    String answer = post(pagination(first));
    double took = ms(start);
    checkPage(answer, first, rows, expected, session);
    if (took > 300) {
      System.err.printf("slow page change: rows %d.. in %.0f ms%n", first, took);
    }
    return took;
  }

  void checkPage(String answer, int first, int rows, Expected expected, int session) {
    List<String> shown = new ArrayList<>();
    Matcher row = ROW.matcher(answer);
    while (row.find()) {
      check(Integer.parseInt(row.group(1)) == first + shown.size(), "row " + row.group(1) + " out of place", answer);
      Matcher cell = CELL.matcher(row.group(2));
      List<String> cells = new ArrayList<>();
      while (cell.find()) {
        Matcher value = VALUE.matcher(cell.group(1));
        cells.add(value.find() ? value.group(1) : cell.group(1).replaceAll("<[^>]*>", ""));
      }
      shown.add(cells.get(session));
    }
    List<String> want =
        Arrays.asList(expected.sessions).subList(first, Math.min(first + PAGE, rows));
    check(shown.equals(want), "rows " + first + "..: expected " + want + ", got " + shown, answer);
  }

  void signIn(String user, String password) throws Exception {
    get("/login.xhtml");
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("j_username", user, "j_password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String page = signedIn.body();
    check(page.contains("id=\"caller\">" + user + "<"), "not signed in as " + user, page);
    Matcher state = VIEW_STATE.matcher(page);
    Matcher csp = NONCE.matcher(page);
    check(state.find() && csp.find(), "no view state or nonce on the Exports page", page);
    viewState = state.group(1);
    nonce = csp.group(1);
  }

  /** The range menu set to "Dates…" (its p:ajax renders the date picker). */
  List<String[]> rangeCustom() {
    return List.of(
        p("jakarta.faces.partial.ajax", "true"),
        p("jakarta.faces.source", "exports:range"),
        p("jakarta.faces.partial.execute", "exports:range"),
        p("jakarta.faces.partial.render", "exports:dates-field"),
        p("jakarta.faces.behavior.event", "valueChange"),
        p("jakarta.faces.partial.event", "change"),
        p("exports", "exports"),
        p("exports:range_input", "custom"),
        p("exports:tz_input", "UTC"),
        p("exports:campaigns_focus", ""),
        p("exports:delimiter_input", "comma"),
        p("jakarta.faces.ViewState", viewState),
        p("primefaces.nonce", nonce));
  }

  List<String[]> previewButton() {
    return List.of(
        p("jakarta.faces.partial.ajax", "true"),
        p("jakarta.faces.source", "exports:preview"),
        p("jakarta.faces.partial.execute", "exports"),
        p("jakarta.faces.partial.render", "exports:preview-panel exports:messages"),
        p("exports:preview", "exports:preview"),
        p("exports", "exports"),
        p("exports:range_input", "custom"),
        p("exports:dates_input", dates),
        p("exports:tz_input", "UTC"),
        p("exports:campaigns_focus", ""),
        p("exports:delimiter_input", "comma"),
        p("jakarta.faces.ViewState", viewState),
        p("primefaces.nonce", nonce));
  }

  List<String[]> pagination(int first) {
    List<String[]> params =
        new ArrayList<>(
            List.of(
                p("jakarta.faces.partial.ajax", "true"),
                p("jakarta.faces.source", "exports:table"),
                p("jakarta.faces.partial.execute", "exports:table"),
                p("jakarta.faces.partial.render", "exports:table"),
                p("exports:table", "exports:table"),
                p("exports:table_pagination", "true"),
                p("exports:table_first", Integer.toString(first)),
                p("exports:table_rows", Integer.toString(PAGE)),
                p("exports:table_skipChildren", "true"),
                p("exports:table_encodeFeature", "true")));
    params.addAll(formFields());
    return params;
  }

  List<String[]> sortChange(String headerId, boolean ascending) {
    List<String[]> params =
        new ArrayList<>(
            List.of(
                p("jakarta.faces.partial.ajax", "true"),
                p("jakarta.faces.source", "exports:table"),
                p("jakarta.faces.partial.execute", "exports:table"),
                p("jakarta.faces.partial.render", "exports:table"),
                p("exports:table", "exports:table"),
                p("exports:table_sorting", "true"),
                p("exports:table_skipChildren", "true"),
                p("exports:table_encodeFeature", "true"),
                p("exports:table_sortKey", headerId),
                p("exports:table_sortDir", ascending ? "1" : "-1")));
    params.addAll(formFields());
    return params;
  }

  /** The rest of the form, serialized as the browser does with every table request. */
  List<String[]> formFields() {
    return List.of(
        p("exports", "exports"),
        p("exports:range_input", "custom"),
        p("exports:dates_input", dates),
        p("exports:tz_input", "UTC"),
        p("exports:campaigns_focus", ""),
        p("exports:delimiter_input", "comma"),
        p("exports:table_rppDD", Integer.toString(PAGE)),
        p("exports:table_rppDD", Integer.toString(PAGE)),
        p("jakarta.faces.ViewState", viewState),
        p("primefaces.nonce", nonce));
  }

  String post(List<String[]> params) throws Exception {
    return post("/index.xhtml", params);
  }

  String post(String path, List<String[]> params) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/xml, text/xml, */*; q=0.01")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Referer", base + "/")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        params.stream()
                            .map(kv -> enc(kv[0]) + "=" + enc(kv[1]))
                            .collect(Collectors.joining("&"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String body = answer.body();
    check(answer.statusCode() == 200, "HTTP " + answer.statusCode(), body);
    check(body.startsWith("<?xml") && body.contains("<partial-response"), "not a partial response", body);
    check(!body.contains("<error>") && !body.contains("ui-messages-error"), "an error answer", body);
    return body;
  }

  String get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static String[] p(String name, String value) {
    return new String[] {name, value};
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  static void check(boolean ok, String what, String answer) {
    if (!ok) {
      System.err.println(answer.length() > 4000 ? answer.substring(0, 4000) + "..." : answer);
      throw new IllegalStateException(what);
    }
  }

  static void print(String what, List<Double> times) {
    double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "%-28s count %4d  median %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms%n",
        what, t.length, rank(t, 0.50), rank(t, 0.95), rank(t, 0.99), t[t.length - 1]);
  }

  /** Nearest rank: the smallest time that at least this share of the requests did not exceed. */
  static double rank(double[] sorted, double share) {
    return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
  }
}
