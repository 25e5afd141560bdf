package com.conversation24.app.simulator;

import com.conversation24.app.simulator.Operation.Account;
import com.conversation24.app.simulator.Operation.Agent;
import com.conversation24.app.simulator.Operation.Campaign;
import com.conversation24.app.simulator.Operation.EntryPoint;
import com.conversation24.app.simulator.Operation.Host;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Tells an {@link Operation} hour by hour as EVENTS.md events. Agents log in for their shifts, go
 * online in their campaigns, take breaks and log out; visitors arrive along a daily curve, view
 * pages, see buttons and automatic invites; an invite is matched, shown or cancelled and then
 * accepted, declined, ignored or expires; a click or an accepted invite becomes a chat routed to
 * an online agent below capacity (or queued, or left unanswered), with messages, transfers,
 * auto-forwards, success codes, goals, surveys and the odd block. Events are handed over in
 * EVENTS.md order; nothing at or after the plan's end is generated.
 */
public final class Simulation {

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;

  /** Visits per local hour of the day, relative. */
  private static final double[] DAILY_CURVE = {
    0.25, 0.15, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.3, 1.7, 1.9, 1.9,
    1.7, 1.6, 1.7, 1.7, 1.6, 1.4, 1.3, 1.4, 1.5, 1.2, 0.8, 0.45
  };
  private static final double DAILY_SUM;

  static {
    double sum = 0;
    for (double w : DAILY_CURVE) {
      sum += w;
    }
    DAILY_SUM = sum;
  }

  private static final double VISITS_PER_CAMPAIGN_AND_DAY = 300;

  private static final String[] PATHS = {
    "/", "/products/shoes?color=red&size=42", "/cart", "/checkout/payment", "/help/faq#returns",
    "/contact", "/search?q=\"winter jacket\"", "/sale?ids=1,2,3", "/account/orders", "/blog/how-to-choose"
  };
  private static final String[] VISITOR_NAMES = {
    "Maria K.", "jan.devries@example.net", "Kunde 4711", "Tom", "李小龙", "Ahmed", "Ana Lucía",
    "+31 6 1234 5678", "=HYPERLINK(\"http://evil.test\")", "O'Neill, Sean"
  };
  private static final String[] SUCCESS_CODES = {
    "SALE", "INFO_GIVEN", "RETURN", "COMPLAINT", "Callback requested", "NO_ANSWER"
  };

  private record Goal(String name, long minCents, long maxCents) {}

  private static final Goal[] GOALS = {
    new Goal("purchase", 1_200, 48_000),
    new Goal("newsletter", 0, 0),
    new Goal("lead", 2_500, 2_500),
    new Goal("appointment booked", 5_000, 5_000),
    new Goal("quote requested", 0, 15_000)
  };

  /** A visitor's click on a button, or an invite matched for a visitor: to be routed in time order. */
  private record Contact(
      long at, long seq, Campaign campaign, EntryPoint entryPoint, String visitor, Host host,
      long visitStart, long viewedAt, String url) {}

  private record Shift(Staff staff, String id, long login, long logout, long[] breaks, boolean forgetsLogout) {}

  private final SimulationPlan plan;
  private final Operation operation;
  private final Phrasebook phrases;
  private final SplittableRandom random;
  private final String key;
  private final long start;
  private final long end;

  private final PriorityQueue<SimulatedEvent> pending = new PriorityQueue<>(SimulatedEvent.ORDER);
  private final PriorityQueue<Contact> contacts =
      new PriorityQueue<>(Comparator.comparingLong(Contact::at).thenComparingLong(Contact::seq));
  private final Map<Long, List<Staff>> staffOfCampaign = new HashMap<>();
  private final List<Shift> shifts = new ArrayList<>();
  private int nextShift;
  private long events;
  private long sessions;
  private long visitors;
  private long contactSeq;

  public Simulation(SimulationPlan plan) {
    this.plan = plan;
    this.operation = Operation.cast(plan);
    this.phrases = Phrasebook.load();
    this.random = new SplittableRandom(plan.seed());
    this.key = plan.runKey();
    this.start = plan.start().toEpochMilli();
    this.end = plan.end().toEpochMilli();
  }

  /** The accounts simulated: id and name, the contact-center one last. */
  public Map<Long, String> accounts() {
    Map<Long, String> names = new java.util.LinkedHashMap<>();
    operation.accounts().forEach(a -> names.put(a.id(), a.name()));
    return names;
  }

  public void run(EventSink sink) {
    planShifts();
    announce();
    for (long hour = start; hour < end && !sink.full(); hour += HOUR) {
      long hourEnd = Math.min(hour + HOUR, end);
      startShifts(hourEnd);
      for (Campaign campaign : operation.campaigns()) {
        visits(campaign, hour);
      }
      while (!contacts.isEmpty() && contacts.peek().at() < hourEnd) {
        contact(contacts.poll());
      }
      while (!pending.isEmpty() && pending.peek().at() < hourEnd && !sink.full()) {
        sink.accept(pending.poll());
      }
      sink.progressed((double) (hourEnd - start) / (end - start));
    }
    while (!pending.isEmpty() && !sink.full()) {
      sink.accept(pending.poll());
    }
    sink.progressed(1.0);
  }

  // ---------------------------------------------------------------- entities

  private void announce() {
    long t = start - HOUR;
    for (Account a : operation.accounts()) {
      emit("account.updated", t += 10, "account_id", a.id(), "name", a.name());
    }
    for (Host h : operation.hosts()) {
      emit("host.updated", t += 10, "host_id", h.id(), "account_id", h.account().id(), "hostname", h.hostname());
    }
    for (Campaign c : operation.campaigns()) {
      emit("campaign.updated", t += 10, "chatcampaign_id", c.id(), "account_id", c.account().id(), "name", c.name());
      for (EntryPoint e : c.buttons()) {
        announce(e, t += 10, e.name());
      }
      for (EntryPoint e : c.invites()) {
        announce(e, t += 10, e.name());
      }
    }
    for (Agent a : operation.agents()) {
      emit(
          "agent.updated", t += 10, "agent_id", a.id(), "account_id", a.account().id(), "username", a.username(),
          "firstname", a.firstname(), "lastname", a.lastname(), "email", a.email(), "max_chats", (long) a.maxChats());
    }
    // Later changes: latest wins and applies to all history.
    long period = end - start;
    Campaign renamed = operation.campaigns().size() > 1 ? operation.campaigns().get(1) : null;
    if (renamed != null) {
      emit("campaign.updated", start + period * 2 / 5 + 12_345, "chatcampaign_id", renamed.id(),
          "account_id", renamed.account().id(), "name", renamed.account().brand() + " Customer Care");
    }
    Campaign first = operation.campaigns().get(0);
    if (!first.invites().isEmpty()) {
      announce(first.invites().get(0), start + period * 3 / 5 + 54_321, "Invite: cart over 45 s");
    }
    Account firstAccount = operation.accounts().get(0);
    emit("host.updated", start + period * 3 / 10 + 777, "host_id", firstAccount.id() * 10 + 4,
        "account_id", firstAccount.id(), "hostname", "m." + first.hosts().get(0).hostname());
    operation.agents().stream()
        .filter(a -> a.id() % 1000 == 2)
        .findFirst()
        .ifPresent(a -> emit("agent.updated", start + period / 2 + 4_242, "agent_id", a.id(),
            "account_id", a.account().id(), "username", a.username(), "lastname", a.lastname() + "-Peeters",
            "max_chats", (long) a.maxChats() + 1));
  }

  private void announce(EntryPoint e, long at, String name) {
    emit("entrypoint.updated", at, "entrypoint_id", e.id(), "chatcampaign_id", e.campaignId(), "name", name,
        "type", e.invite() ? "invite" : "button");
  }

  // ---------------------------------------------------------------- agents

  /** The deleted agent: the last of the first account, gone after four fifths of the period. */
  private Agent deleted() {
    if (plan.agentsPerAccount() < 3) {
      return null;
    }
    return operation.agents().get(plan.agentsPerAccount() - 1);
  }

  private void planShifts() {
    Agent deleted = deleted();
    long deletedAt = start + (end - start) * 4 / 5 + 31_415;
    for (Agent agent : operation.agents()) {
      Staff staff = new Staff(agent);
      for (Campaign c : agent.campaigns()) {
        staffOfCampaign.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(staff);
      }
      var zone = agent.account().zone();
      LocalDate day = Instant.ofEpochMilli(start).atZone(zone).toLocalDate().minusDays(1);
      LocalDate last = Instant.ofEpochMilli(end).atZone(zone).toLocalDate();
      long shiftNo = 0;
      for (; !day.isAfter(last); day = day.plusDays(1)) {
        boolean works = agent.pattern().days().contains(day.getDayOfWeek());
        boolean absent = random.nextInt(40) == 0;
        long login =
            ZonedDateTime.of(day, agent.pattern().start(), zone).toInstant().toEpochMilli()
                + between(-10 * MINUTE, 10 * MINUTE);
        long logout = login + agent.pattern().minutes() * MINUTE + between(-5 * MINUTE, 20 * MINUTE);
        if (!works || absent || login < start || login >= end) {
          continue;
        }
        if (agent == deleted && logout > deletedAt) {
          continue;
        }
        long length = logout - login;
        long lunch = login + length / 2 + between(-20 * MINUTE, 20 * MINUTE);
        long[] breaks;
        if (random.nextInt(10) < 7) {
          long coffee = login + length / 4 + between(0, 30 * MINUTE);
          breaks = new long[] {coffee, coffee + between(5 * MINUTE, 15 * MINUTE), lunch, lunch + between(20 * MINUTE, 40 * MINUTE)};
        } else {
          breaks = new long[] {lunch, lunch + between(20 * MINUTE, 40 * MINUTE)};
        }
        Shift shift =
            new Shift(staff, "ws-" + key + "-" + agent.id() + "-" + shiftNo++, login, logout, breaks,
                random.nextInt(35) == 0);
        shifts.add(shift);
        long from = login + 30 * SECOND;
        for (int b = 0; b < breaks.length; b += 2) {
          staff.online(from, breaks[b]);
          from = breaks[b + 1] + 20 * SECOND;
        }
        staff.online(from, logout - 30 * SECOND);
      }
    }
    shifts.sort(Comparator.comparingLong(Shift::login).thenComparing(Shift::id));
    if (deleted != null) {
      emit("agent.deleted", deletedAt, "agent_id", deleted.id());
    }
  }

  private void startShifts(long before) {
    while (nextShift < shifts.size() && shifts.get(nextShift).login() < before) {
      shift(shifts.get(nextShift++));
    }
  }

  private void shift(Shift s) {
    Agent agent = s.staff().agent();
    List<Campaign> campaigns = agent.campaigns();
    emit("agent.logged_in", s.login(), "agent_id", agent.id(), "workshift_id", s.id());
    presence(agent, campaigns, s.login() + 2 * SECOND + between(0, 3 * SECOND), "online");
    for (int b = 0; b < s.breaks().length; b += 2) {
      presence(agent, campaigns, s.breaks()[b], "offline");
      presence(agent, campaigns, s.breaks()[b + 1], "online");
    }
    if (s.forgetsLogout()) {
      // Goes offline but never logs out: the next login ends this shift.
      presence(agent, campaigns, s.logout(), "offline");
    } else {
      if (random.nextBoolean()) {
        presence(agent, campaigns, s.logout() - 15 * SECOND, "offline");
      }
      emit("agent.logged_out", s.logout(), "agent_id", agent.id(), "workshift_id", s.id());
    }
  }

  private void presence(Agent agent, List<Campaign> campaigns, long at, String state) {
    long t = at;
    for (Campaign c : campaigns) {
      emit("agent.state_changed", t, "agent_id", agent.id(), "chatcampaign_id", c.id(), "state", state);
      t += between(100, 900);
    }
  }

  /** The agent of the campaign online for ten more minutes with the fewest chats below capacity. */
  private Staff available(Campaign campaign, long t, Staff except) {
    List<Staff> staff = staffOfCampaign.getOrDefault(campaign.id(), List.of());
    if (staff.isEmpty()) {
      return null;
    }
    int offset = random.nextInt(staff.size());
    Staff best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (int i = 0; i < staff.size(); i++) {
      Staff s = staff.get((i + offset) % staff.size());
      if (s == except || s.onlineUntil(t) < t + 10 * MINUTE) {
        continue;
      }
      int load = s.load(t);
      if (load < s.agent().maxChats() && load < bestLoad) {
        best = s;
        bestLoad = load;
      }
    }
    return best;
  }

  private boolean anyoneOnline(Campaign campaign, long t) {
    for (Staff s : staffOfCampaign.getOrDefault(campaign.id(), List.of())) {
      if (s.onlineUntil(t) != Long.MIN_VALUE) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- traffic

  private void visits(Campaign campaign, long hour) {
    ZonedDateTime local = Instant.ofEpochMilli(hour).atZone(campaign.account().zone());
    double weekday =
        switch (local.getDayOfWeek()) {
          case SATURDAY -> 0.7;
          case SUNDAY -> 0.6;
          default -> 1.0;
        };
    int kind = (int) (campaign.id() % 100);
    double expected =
        VISITS_PER_CAMPAIGN_AND_DAY * plan.scale() * (kind == 1 ? 1.3 : kind == 2 ? 1.0 : 0.5)
            * weekday * DAILY_CURVE[local.getHour()] / DAILY_SUM;
    long count = (long) expected + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
    for (long i = 0; i < count; i++) {
      visit(campaign, hour + random.nextLong(HOUR));
    }
  }

  private void visit(Campaign campaign, long begin) {
    String visitor = "v-" + key + "-" + Long.toString(visitors++, 36);
    Host host = campaign.hosts().get(random.nextInt(campaign.hosts().size()));
    int pages = 1;
    while (pages < 8 && random.nextDouble() < 0.55) {
      pages++;
    }
    EntryPoint main = campaign.buttons().get(0);
    EntryPoint contactButton = campaign.buttons().get(1);
    EntryPoint viewed = null;
    long viewedAt = 0;
    long secondPageAt = 0;
    String url = null;
    long at = begin;
    for (int p = 0; p < pages; p++) {
      String path = p == 0 ? PATHS[random.nextInt(4)] : PATHS[random.nextInt(PATHS.length)];
      url = "https://" + host.hostname() + path;
      boolean contactPage = path.equals("/contact");
      long[] entryPoints = new long[1 + (contactPage ? 1 : 0) + campaign.invites().size() + (random.nextInt(50) == 0 ? 1 : 0)];
      int n = 0;
      entryPoints[n++] = main.id();
      if (contactPage) {
        entryPoints[n++] = contactButton.id();
      }
      for (EntryPoint invite : campaign.invites()) {
        entryPoints[n++] = invite.id();
      }
      if (n < entryPoints.length) {
        entryPoints[n] = main.id(); // the widget sometimes lists a button twice
      }
      emit("page.viewed", at, "chatcampaign_id", campaign.id(), "visitor_id", visitor, "host_id", host.id(),
          "url", url, "entrypoint_ids", entryPoints);
      if (viewed == null && random.nextDouble() < (contactPage ? 0.8 : p == 0 ? 0.5 : 0.15)) {
        viewed = contactPage ? contactButton : main;
        viewedAt = at + between(800, 4 * SECOND);
        emit("entrypoint.viewed", viewedAt, "entrypoint_id", viewed.id(), "visitor_id", visitor);
      }
      if (p == 1) {
        secondPageAt = at;
      }
      at += between(15 * SECOND, 180 * SECOND);
    }
    if (!campaign.invites().isEmpty() && pages >= 2 && random.nextDouble() < 0.35) {
      EntryPoint invite = campaign.invites().get(random.nextInt(campaign.invites().size()));
      contacts.add(new Contact(secondPageAt + between(10 * SECOND, 60 * SECOND), contactSeq++, campaign, invite,
          visitor, host, begin, 0, url));
    } else if (viewed != null && random.nextDouble() < (viewed == contactButton ? 0.25 : 0.07)) {
      contacts.add(new Contact(viewedAt + between(5 * SECOND, 90 * SECOND), contactSeq++, campaign, viewed,
          visitor, host, begin, viewedAt, url));
    }
  }

  private void contact(Contact k) {
    if (k.entryPoint().invite()) {
      invite(k);
    } else {
      emit("entrypoint.clicked", k.at(), "entrypoint_id", k.entryPoint().id(), "visitor_id", k.visitor());
      if (anyoneOnline(k.campaign(), k.at())) {
        chat(k, k.at() + between(SECOND, 3 * SECOND), k.viewedAt());
      }
      // else the button showed "offline": the click opened the contact form, no chat
    }
  }

  private void invite(Contact k) {
    long t = k.at();
    outcome(k, t, "matched");
    if (available(k.campaign(), t, null) == null) {
      outcome(k, t + between(300, 1_500), "cancelled");
      return;
    }
    long shown = t + between(SECOND, 2_500);
    outcome(k, shown, "shown");
    emit("entrypoint.viewed", shown + 40, "entrypoint_id", k.entryPoint().id(), "visitor_id", k.visitor());
    double r = random.nextDouble();
    if (r < 0.22) {
      long accepted = shown + between(3 * SECOND, 40 * SECOND);
      outcome(k, accepted, "accepted");
      emit("entrypoint.clicked", accepted + 20, "entrypoint_id", k.entryPoint().id(), "visitor_id", k.visitor());
      // The offered agent may not pick up in time either.
      if (random.nextInt(12) == 0 || available(k.campaign(), accepted, null) == null) {
        outcome(k, accepted + between(SECOND, 3 * SECOND), "no_availability");
      } else {
        chat(k, accepted + between(500, 2 * SECOND), shown);
      }
    } else if (r < 0.45) {
      outcome(k, shown + between(2 * SECOND, 20 * SECOND), "declined");
    } else if (r < 0.80) {
      outcome(k, shown + between(20 * SECOND, 200 * SECOND), "ignored");
    } else {
      outcome(k, shown + MINUTE + between(0, 999), "expired");
    }
  }

  private void outcome(Contact k, long at, String outcome) {
    emit("invite.outcome", at, "entrypoint_id", k.entryPoint().id(), "visitor_id", k.visitor(), "outcome", outcome);
  }

  // ---------------------------------------------------------------- chats

  /** One chat: routing (or the queue), the dialogue, transfers and forwards, and what follows it. */
  private void chat(Contact k, long started, long shownAt) {
    Campaign campaign = k.campaign();
    String session = "s-" + key + "-" + Long.toString(sessions++, 36);
    String lang = language(campaign.account());
    emit("conversation.started", started, "session_id", session, "chatcampaign_id", campaign.id(),
        "visitor_id", k.visitor(), "entrypoint_id", k.entryPoint().id(), "host_id", k.host().id(),
        "visitor_identifier", random.nextInt(4) == 0 ? VISITOR_NAMES[random.nextInt(VISITOR_NAMES.length)] : null,
        "accept_url", k.url(),
        "session_started_at", Rfc3339.format(k.visitStart()),
        "entrypoint_shown_at", shownAt > 0 && shownAt <= started ? Rfc3339.format(shownAt) : null);
    boolean visitorTalks = random.nextInt(20) != 0;
    long visitorOpens = visitorTalks ? started + between(3 * SECOND, 35 * SECOND) : Long.MAX_VALUE;

    Staff agent = available(campaign, started, null);
    long assigned = started + between(SECOND, 8 * SECOND);
    if (agent == null) {
      system(session, started + 600, lang, "system.busy", null);
      for (long wait = 20 * SECOND; wait <= 5 * MINUTE && agent == null; wait += 20 * SECOND) {
        agent = available(campaign, started + wait, null);
        assigned = started + wait + between(0, 5 * SECOND);
      }
    }
    if (agent == null) {
      unanswered(session, started, visitorOpens, lang);
      return;
    }
    long t = assigned;
    if (visitorOpens < assigned) {
      visitor(session, visitorOpens, lang, "visitor.opener");
    }
    emit("conversation.assigned", t, "session_id", session, "agent_id", agent.agent().id());
    long holding = t;
    system(session, t += between(300, 1_500), lang, "system.opening", agent.agent().firstname());
    if (visitorTalks && visitorOpens >= assigned) {
      t = Math.max(t, visitorOpens) + between(100, 900);
      visitor(session, t, lang, "visitor.opener");
    }
    if (random.nextInt(20) == 0) {
      // The agent does not answer within a minute: the chat is forwarded automatically.
      long forwarded = Math.max(t, assigned + MINUTE) + between(0, 2 * SECOND);
      Staff next = available(campaign, forwarded, agent);
      if (next != null) {
        agent.hold(holding, forwarded);
        agent = next;
        holding = forwarded;
        t = forwarded;
        emit("conversation.assigned", t, "session_id", session, "agent_id", agent.agent().id());
        system(session, t += 300, lang, "system.forwarded", agent.agent().firstname());
      }
    }
    agent(session, t += between(4 * SECOND, 40 * SECOND), agent, lang, "agent.greeting");
    boolean blocked = false;
    if (!visitorTalks) {
      agent(session, t += between(MINUTE, 2 * MINUTE), agent, lang, "agent.stillthere");
    } else {
      int rounds = 1 + random.nextInt(5);
      for (int r = 0; r < rounds; r++) {
        visitor(session, t += between(10 * SECOND, 80 * SECOND), lang, r == 0 ? "visitor.question" : "visitor.followup");
        agent(session, t += between(5 * SECOND, 70 * SECOND), agent, lang, r == rounds - 1 ? "agent.followup" : "agent.answer");
        if (r == 0 && random.nextInt(14) == 0) {
          Staff next = available(campaign, t + 10 * SECOND, agent);
          if (next != null) {
            agent(session, t += between(3 * SECOND, 10 * SECOND), agent, lang, "agent.transfer");
            t += between(2 * SECOND, 10 * SECOND);
            agent.hold(holding, t);
            agent = next;
            holding = t;
            emit("conversation.assigned", t, "session_id", session, "agent_id", agent.agent().id());
            system(session, t += 300, lang, "system.transferred", agent.agent().firstname());
            agent(session, t += between(5 * SECOND, 30 * SECOND), agent, lang, "agent.greeting");
          }
        }
        if (random.nextInt(18) == 0) {
          Goal goal = GOALS[random.nextInt(GOALS.length)];
          goal(session, t += between(SECOND, 30 * SECOND), goal);
        }
        if (random.nextInt(120) == 0) {
          visitor(session, t += between(5 * SECOND, 30 * SECOND), "en", "visitor.rude");
          agent(session, t += between(5 * SECOND, 20 * SECOND), agent, "en", "agent.warning");
          visitor(session, t += between(5 * SECOND, 30 * SECOND), "en", "visitor.rude");
          emit("visitor.blocked", t += between(3 * SECOND, 15 * SECOND), "session_id", session,
              "agent_id", agent.agent().id(), "reason", phrases.say(random, "en", "block.reason"));
          blocked = true;
          break;
        }
      }
      if (!blocked && random.nextInt(10) < 7) {
        visitor(session, t += between(8 * SECOND, 60 * SECOND), lang, "visitor.thanks");
      }
    }
    if (!blocked) {
      agent(session, t += between(4 * SECOND, 30 * SECOND), agent, lang, "agent.goodbye");
    }
    if (!blocked && random.nextInt(20) < 9) {
      emit("conversation.success_code_set", t += between(2 * SECOND, 20 * SECOND), "session_id", session,
          "code", SUCCESS_CODES[random.nextInt(SUCCESS_CODES.length)]);
    }
    system(session, t += between(SECOND, 5 * SECOND), lang, "system.closing", null);
    long closed = t + between(200, 800);
    emit("conversation.closed", closed, "session_id", session, "agent_id", agent.agent().id());
    agent.hold(holding, closed);
    if (!blocked && visitorTalks && random.nextInt(20) < 7) {
      survey(session, closed + between(5 * SECOND, 90 * SECOND), lang);
    }
    if (!blocked && random.nextInt(20) == 0) {
      goal(session, closed + between(MINUTE, 25 * MINUTE), GOALS[0]);
    }
  }

  /** Nobody free for five minutes: the visitor waits and gives up. */
  private void unanswered(String session, long started, long visitorOpens, String lang) {
    long t = started + 2 * SECOND;
    if (visitorOpens != Long.MAX_VALUE) {
      visitor(session, t = visitorOpens, lang, "visitor.opener");
      visitor(session, t += between(MINUTE, 2 * MINUTE), lang, "visitor.waiting");
    }
    long closed = Math.max(t, started + 5 * MINUTE) + between(SECOND, 90 * SECOND);
    emit("conversation.closed", closed, "session_id", session);
    if (random.nextInt(4) == 0) {
      emit("conversation.survey_submitted", closed + between(3 * SECOND, 30 * SECOND), "session_id", session,
          "result", "bad", "comment", random.nextBoolean() ? phrases.say(random, lang, "survey.bad") : null);
    }
  }

  private void survey(String session, long at, String lang) {
    int r = random.nextInt(100);
    String result = r < 60 ? "good" : r < 85 ? "moderate" : "bad";
    String comment = random.nextInt(100) < 45 ? phrases.say(random, lang, "survey." + result) : null;
    emit("conversation.survey_submitted", at, "session_id", session, "result", result, "comment", comment);
  }

  private void goal(String session, long at, Goal goal) {
    long cents = goal.minCents() + (goal.maxCents() > goal.minCents() ? random.nextLong(goal.maxCents() - goal.minCents()) : 0);
    emit("conversation.goal_reached", at, "session_id", session, "goal", goal.name(), "value", BigDecimal.valueOf(cents, 2));
  }

  private void visitor(String session, long at, String lang, String kind) {
    emit("conversation.message", at, "session_id", session, "author", "visitor", "text", phrases.say(random, lang, kind));
  }

  private void agent(String session, long at, Staff agent, String lang, String kind) {
    emit("conversation.message", at, "session_id", session, "author", "agent", "agent_id", agent.agent().id(),
        "text", phrases.say(random, lang, kind, agent.agent().firstname()));
  }

  private void system(String session, long at, String lang, String kind, String name) {
    emit("conversation.message", at, "session_id", session, "author", "system", "text", phrases.say(random, lang, kind, name));
  }

  private String language(Account account) {
    List<String> languages = account.languages();
    if (languages.size() == 1 || random.nextInt(10) < 6) {
      return languages.get(0);
    }
    return languages.get(1 + random.nextInt(languages.size() - 1));
  }

  // ---------------------------------------------------------------- plumbing

  private void emit(String type, long at, Object... data) {
    if (at >= end) {
      return;
    }
    for (int i = 1; i < data.length; i += 2) {
      if (data[i] instanceof Integer) {
        data[i] = ((Integer) data[i]).longValue();
      }
    }
    pending.add(new SimulatedEvent(id(), type, at, data));
  }

  private String id() {
    String n = Long.toString(events++, 36);
    return "sim-" + key + "-" + "00000000".substring(Math.min(8, n.length())) + n;
  }

  private long between(long from, long to) {
    return from + random.nextLong(to - from + 1);
  }
}
