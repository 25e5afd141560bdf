package com.conversation24.app.simulator;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The cast of a simulated operation: accounts (the last of several is a contact-center account),
 * their campaigns with chat buttons and automatic invites, their websites (one hostname shared by
 * several accounts, with and without {@code www.}) and their agents with capacities, shift
 * patterns and the campaigns they are present in.
 */
record Operation(
    List<Account> accounts,
    List<Campaign> campaigns,
    List<EntryPoint> entryPoints,
    List<Host> hosts,
    List<Agent> agents) {

  record Account(long id, String name, String brand, ZoneId zone, List<String> languages, boolean contactCenter) {}

  record Campaign(long id, Account account, String name, List<EntryPoint> buttons, List<EntryPoint> invites, List<Host> hosts) {}

  record EntryPoint(long id, long campaignId, String name, boolean invite) {}

  record Host(long id, Account account, String hostname) {}

  /** When an agent works: the local start, the length, and on which days of the week. */
  record ShiftPattern(LocalTime start, int minutes, List<DayOfWeek> days) {}

  record Agent(
      long id,
      Account account,
      String username,
      String firstname,
      String lastname,
      String email,
      int maxChats,
      List<Campaign> campaigns,
      ShiftPattern pattern) {}

  private static final String[] BRANDS = {
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wonka", "Stark", "Tyrell", "Soylent"
  };
  private static final String[] ZONES = {
    "Europe/Amsterdam", "Europe/Berlin", "America/New_York", "Europe/London", "Europe/Madrid", "Asia/Tokyo"
  };
  private static final List<List<String>> LANGUAGES =
      List.of(
          List.of("nl", "en", "de"),
          List.of("de", "en", "ar", "fr"),
          List.of("en", "es"),
          List.of("en", "ar", "fr"),
          List.of("es", "en"),
          List.of("ja", "en"));
  private static final String[] FIRST_NAMES = {
    "Jane", "Pieter", "Sofia", "Lukas", "Amira", "Yuki", "Mateo", "Emma", "Noah", "Fatima", "Lars",
    "Chloé", "Sven", "Lucía", "Omar", "Hanna", "Daan", "Zoë", "Kenji", "Marta"
  };
  private static final String[] LAST_NAMES = {
    "de Vries", "Müller", "García", "Jansen", "Haddad", "Tanaka", "Smith", "Dubois", "Bakker",
    "O'Brien", "Nowak", "Rossi", "Schmidt", "Visser", "Yamamoto", "López"
  };
  private static final ShiftPattern[] PATTERNS = {
    new ShiftPattern(LocalTime.of(7, 0), 480, List.of()),
    new ShiftPattern(LocalTime.of(9, 0), 480, List.of()),
    new ShiftPattern(LocalTime.of(13, 0), 510, List.of()),
    new ShiftPattern(LocalTime.of(10, 30), 420, List.of()),
  };

  /** The operation of a plan; drawn from its own stream of the seed, so traffic draws do not move it. */
  static Operation cast(SimulationPlan plan) {
    SplittableRandom random = new SplittableRandom(plan.seed() * 0x9E3779B97F4A7C15L + 1);
    List<Account> accounts = new ArrayList<>();
    List<Campaign> campaigns = new ArrayList<>();
    List<EntryPoint> entryPoints = new ArrayList<>();
    List<Host> hosts = new ArrayList<>();
    List<Agent> agents = new ArrayList<>();
    int n = plan.accounts();
    for (int i = 1; i <= n; i++) {
      boolean cc = n >= 2 && i == n;
      String brand = cc ? "Contact Center Partners" : brand(i);
      int style = (i - 1) % ZONES.length;
      Account account =
          new Account(
              i,
              cc ? brand : brand + (i % 3 == 0 ? " Insurance" : i % 2 == 0 ? " Travel" : " Retail"),
              brand,
              ZoneId.of(cc ? "Europe/Lisbon" : ZONES[style]),
              cc ? List.of("en", "nl", "de") : LANGUAGES.get(style),
              cc);
      accounts.add(account);
      if (cc) {
        continue;
      }
      String domain = domain(brand);
      List<Host> own = new ArrayList<>();
      own.add(new Host(i * 10L + 1, account, domain));
      own.add(new Host(i * 10L + 2, account, "www." + domain));
      if (i <= 4) {
        // A marketplace several accounts sell on: shared across accounts, spelled with and without www.
        own.add(new Host(i * 10L + 3, account, i % 2 == 1 ? "www.marketplace.example" : "Marketplace.example"));
      } else if (random.nextInt(3) == 0) {
        own.add(new Host(i * 10L + 3, account, "shop." + domain));
      }
      hosts.addAll(own);
      String[] kinds = {"Sales", "Support", "Billing"};
      int count = 2 + (i % 2);
      for (int k = 1; k <= count; k++) {
        long campaignId = i * 100L + k;
        List<EntryPoint> buttons = new ArrayList<>();
        List<EntryPoint> invites = new ArrayList<>();
        buttons.add(new EntryPoint(campaignId * 100 + 1, campaignId, "Chat button (bottom right)", false));
        buttons.add(new EntryPoint(campaignId * 100 + 2, campaignId, "Contact page button", false));
        if (k != 3) {
          invites.add(
              new EntryPoint(
                  campaignId * 100 + 51, campaignId, k == 1 ? "Invite: cart over 60 s" : "Invite: help page, 2nd visit", true));
        }
        if (k == 1) {
          invites.add(new EntryPoint(campaignId * 100 + 52, campaignId, "Invite: returning visitor", true));
        }
        Campaign campaign =
            new Campaign(campaignId, account, brand + " " + kinds[k - 1], List.copyOf(buttons), List.copyOf(invites), List.copyOf(own));
        campaigns.add(campaign);
        entryPoints.addAll(buttons);
        entryPoints.addAll(invites);
      }
    }
    for (Account account : accounts) {
      List<Campaign> served =
          campaigns.stream()
              .filter(c -> c.account().id() == (account.contactCenter() ? 1 : account.id()))
              .toList();
      for (int a = 1; a <= plan.agentsPerAccount(); a++) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String login = ascii(first) + (a > FIRST_NAMES.length / 2 ? Integer.toString(a) : "") + "." + a;
        String postfix = ascii(account.brand().split(" ")[0]);
        String username = a % 3 == 1 ? login + "@" + postfix : login;
        String email = a % 7 == 3 ? null : ascii(first) + "." + ascii(last) + a + "@" + domain(account.brand());
        List<Campaign> present = new ArrayList<>();
        for (Campaign c : served) {
          if (present.isEmpty() || random.nextInt(3) != 0) {
            present.add(c);
          }
        }
        ShiftPattern base = PATTERNS[(a - 1) % PATTERNS.length];
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
          if ((d.getValue() + a) % 7 < 5) {
            days.add(d);
          }
        }
        agents.add(
            new Agent(
                account.id() * 1000 + a,
                account,
                username,
                first,
                last,
                email,
                2 + random.nextInt(4),
                List.copyOf(present),
                new ShiftPattern(base.start(), base.minutes(), List.copyOf(days))));
      }
    }
    return new Operation(
        List.copyOf(accounts), List.copyOf(campaigns), List.copyOf(entryPoints), List.copyOf(hosts), List.copyOf(agents));
  }

  /** The agents present in a campaign, in id order. */
  List<Agent> agentsOf(Campaign campaign) {
    return agents.stream().filter(a -> a.campaigns().contains(campaign)).toList();
  }

  private static String brand(int i) {
    return i <= BRANDS.length ? BRANDS[i - 1] : BRANDS[(i - 1) % BRANDS.length] + " " + ((i - 1) / BRANDS.length + 1);
  }

  private static String domain(String brand) {
    return ascii(brand).replace(' ', '-') + ".example";
  }

  private static String ascii(String name) {
    String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "");
  }
}
