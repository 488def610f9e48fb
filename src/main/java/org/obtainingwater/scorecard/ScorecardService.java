package org.obtainingwater.scorecard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.scorecard.Scorecard.Bands;
import org.obtainingwater.scorecard.Scorecard.CaseTargets;
import org.obtainingwater.scorecard.Scorecard.Cost;
import org.obtainingwater.scorecard.Scorecard.Point;
import org.obtainingwater.scorecard.Scorecard.OnlineRating;
import org.obtainingwater.scorecard.Scorecard.Satisfaction;
import org.obtainingwater.scorecard.Scorecard.Series;
import org.obtainingwater.scorecard.Scorecard.StageSummary;
import org.obtainingwater.scorecard.Scoring.Scored;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.WorkingCalendar;
import org.springframework.stereotype.Service;

/**
 * The scorecard of a period and its cases' figures, computed on each request from the case table and
 * the engine's history (nothing is kept besides them). docs/adr/0012-scorecard-from-history.md.
 * The targets are read from the decision table first, outside the read transaction: the engine
 * evaluates them in a command of its own.
 */
@Service
class ScorecardService {

  static final String WEEK = "week";
  static final String MONTH = "month";
  /** Up to this many days the compliance series is weekly, beyond it monthly, unless asked otherwise. */
  static final int WEEKLY_UP_TO_DAYS = 92;

  private final ScorecardHistory history;
  private final WorkingCalendar calendar;
  private final StageTargets targets;
  private final ZoneId zone;

  ScorecardService(ScorecardHistory history, WorkingCalendar calendar, StageTargets targets,
      ZoneId zone) {
    this.history = history;
    this.calendar = calendar;
    this.targets = targets;
    this.zone = zone;
  }

  /** The period the parameters ask for, by the engine's clock (tests move it). */
  public ScorecardPeriod period(String from, String to) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    return ScorecardPeriod.parse(from, to, zone, today);
  }

  public List<CaseScore> caseScores(ScorecardPeriod period) {
    Scoring scoring = new Scoring(calendar, targets);
    return history.connectedCases(period.start(), period.end()).parallelStream().map(c -> scoring.score(c).view()).toList();
  }

  public CasePage cases(ScorecardPeriod period, int page, int size) {
    List<CaseScore> all = caseScores(period);
    int first = (int) Math.min((long) page * size, all.size());
    return new CasePage(period, page, size, all.size(), all.subList(first, Math.min(first + size, all.size())));
  }

  /**
   * @param interval {@value #WEEK}, {@value #MONTH}, or null for weekly up to {@value #WEEKLY_UP_TO_DAYS} days
   */
  public Scorecard scorecard(ScorecardPeriod period, String interval) {
    String seriesInterval = interval(interval, period);
    Scoring scoring = new Scoring(calendar, targets);
    // Scoring a case is working-day arithmetic on its own facts: the cases are scored on all cores, in their order.
    List<Scored> scored = history.connectedCases(period.start(), period.end()).parallelStream().map(scoring::score).toList();
    List<CaseScore> cases = scored.stream().map(Scored::view).toList();

    List<CaseScore> paid = cases.stream().filter(c -> c.customerFee() != null).toList();
    int waived = (int) cases.stream().filter(c -> Boolean.TRUE.equals(c.feeWaived())).count();
    List<CaseScore> without = cases.stream().filter(c -> !c.externalWorks()).toList();
    List<CaseScore> with = cases.stream().filter(CaseScore::externalWorks).toList();

    return new Scorecard(period, cases.size(), history.closedWithoutConnection(period.start(), period.end()),
        figure(cases, CaseScore::customerProcedures),
        Figure.of(scored.stream().mapToDouble(Scored::calendarDays).toArray()),
        Figure.of(scored.stream().mapToDouble(Scored::workingDays).toArray()),
        Figure.of(scored.stream().mapToDouble(Scored::utilityWorkingDays).toArray()),
        Figure.of(scored.stream().mapToDouble(Scored::customerWorkingDays).toArray()),
        new Cost(figure(paid, CaseScore::customerFee), waived, Share.of(cases.size(), waived).share()),
        new CaseTargets(withinCaseTarget(cases), withinCaseTarget(without), scoring.caseTarget(false),
            withinCaseTarget(with), scoring.caseTarget(true)),
        Scoring.SCORED_STAGES.stream().map(stage -> stageSummary(stage, scoring.stageTarget(stage), scored)).toList(),
        satisfaction(cases),
        onlineRating(cases),
        series(period, seriesInterval, cases),
        calendar.provisionalYears().stream()
            .filter(year -> year >= period.from().getYear() && year <= period.to().getYear()).toList());
  }

  private static String interval(String interval, ScorecardPeriod period) {
    if (interval == null || interval.isBlank()) {
      return period.days() <= WEEKLY_UP_TO_DAYS ? WEEK : MONTH;
    }
    if (!WEEK.equals(interval) && !MONTH.equals(interval)) {
      throw new InvalidInputException("interval", "“" + interval + "”不是可用的分段方式：请写 week（按周）或 month（按月）");
    }
    return interval;
  }

  private static Figure figure(List<CaseScore> cases, ToDoubleFunction<CaseScore> value) {
    return Figure.of(cases.stream().mapToDouble(value).toArray());
  }

  private static Share withinCaseTarget(List<CaseScore> cases) {
    return Share.of(cases.size(), (int) cases.stream().filter(CaseScore::withinCaseTarget).count());
  }

  /** The stage over the cases that finished it; a case still in it (awaiting its callback) does not count yet. */
  private static StageSummary stageSummary(Stage stage, double target, List<Scored> cases) {
    double[] times = cases.stream().map(c -> c.stageWorkingDays().get(stage)).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).toArray();
    int[] bands = new int[4];
    for (double days : times) {
      double limit = target + Scoring.EPSILON;
      bands[days <= target / 2.0 + Scoring.EPSILON ? 0 : days <= limit ? 1 : days <= 2 * target + Scoring.EPSILON ? 2 : 3]++;
    }
    return new StageSummary(stage, stage.label(), target, Figure.of(times), Share.of(times.length, bands[0] + bands[1]),
        new Bands(bands[0], bands[1], bands[2], bands[3]));
  }

  private static Satisfaction satisfaction(List<CaseScore> cases) {
    List<Integer> scores = cases.stream().map(CaseScore::satisfaction).filter(Objects::nonNull).toList();
    int rectified = (int) cases.stream().filter(score -> score.callbacks() > 1).count();
    return new Satisfaction(scores.size(), mean(scores), distribution(scores), rectified);
  }

  /** The customers' own ratings, apart from the callback's scores (docs/adr/0037). */
  private static OnlineRating onlineRating(List<CaseScore> cases) {
    List<Integer> ratings = cases.stream().map(CaseScore::onlineRating).filter(Objects::nonNull).toList();
    return new OnlineRating(ratings.size(), Share.of(cases.size(), ratings.size()).share(), mean(ratings),
        distribution(ratings));
  }

  private static Double mean(List<Integer> scores) {
    return scores.isEmpty() ? null : Figure.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow());
  }

  /** How many of each score 1–5, every score present. */
  private static Map<Integer, Integer> distribution(List<Integer> scores) {
    Map<Integer, Integer> distribution = new TreeMap<>();
    for (int score = 1; score <= 5; score++) {
      distribution.put(score, 0);
    }
    scores.forEach(score -> distribution.merge(score, 1, Integer::sum));
    return distribution;
  }

  private Series series(ScorecardPeriod period, String interval, List<CaseScore> cases) {
    Map<LocalDate, int[]> buckets = new TreeMap<>();
    for (LocalDate start = bucket(period.from(), interval); !start.isAfter(period.to());
        start = WEEK.equals(interval) ? start.plusWeeks(1) : start.plusMonths(1)) {
      buckets.put(start, new int[2]);
    }
    for (CaseScore score : cases) {
      int[] counts = buckets.get(bucket(score.waterOnAt().atZoneSameInstant(zone).toLocalDate(), interval));
      counts[0]++;
      if (score.withinCaseTarget()) {
        counts[1]++;
      }
    }
    List<Point> points = buckets.entrySet().stream().map(entry -> {
      int[] counts = entry.getValue();
      return new Point(entry.getKey(), counts[0], counts[1], Share.of(counts[0], counts[1]).share());
    }).toList();
    return new Series(interval, points);
  }

  private static LocalDate bucket(LocalDate day, String interval) {
    return WEEK.equals(interval) ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
  }
}
