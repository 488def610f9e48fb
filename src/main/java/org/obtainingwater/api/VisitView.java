package org.obtainingwater.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.visits.VisitBookings;
import org.obtainingwater.visits.VisitBookings.Offer;

/** One visit of a case as the customer (and staff) see it: the booking, the slots that can be chosen, the changes. */
@Schema(description = "预约上门：当前预约、可约时段（工作日上午/下午）和改约记录")
record VisitView(
    @Schema(description = "survey 上门查勘、metering 上门装表", example = "survey") String kind,
    @Schema(description = "上门事项", example = "上门查勘") String label,
    @Schema(description = "现在能否预约或改约") boolean bookable,
    @Schema(description = "不能预约的原因；能预约时为 null", nullable = true, example = "现在不能预约上门装表：申请当前环节是现场查勘，到装表通水环节时再预约")
    String reason,
    @Schema(description = "当前预约；尚未预约时为 null", nullable = true) Booked booking,
    @Schema(description = "最早可约的时段；不能预约或均已约满时为 null", nullable = true) SlotView earliest,
    @Schema(description = "可约范围内每个工作日的上午和下午，含剩余名额") List<SlotView> slots,
    @Schema(description = "可约范围（工作日数）", example = "10") int windowWorkingDays,
    @Schema(description = "预约和改约记录，按时间先后") List<ChangeView> changes) {

  @Schema(description = "一个时段")
  record SlotView(
      @Schema(example = "2026-12-08") LocalDate date,
      @Schema(description = "AM 上午、PM 下午", example = "AM") String halfDay,
      @Schema(example = "12月8日（周二）上午") String label,
      @Schema(description = "剩余名额", example = "3") Integer free) {

    static SlotView of(VisitBookings.Slot slot, Integer free) {
      return slot == null ? null : new SlotView(slot.date(), slot.halfDay().name(), slot.label(), free);
    }
  }

  @Schema(description = "当前预约")
  record Booked(
      @Schema(example = "2026-12-08") LocalDate date,
      @Schema(example = "AM") String halfDay,
      @Schema(example = "12月8日（周二）上午") String label,
      @Schema(description = "客户选择晚于最早可约时段而计为客户的时间（工作日，半天为 0.5）", example = "0") double customerWorkingDays,
      OffsetDateTime bookedAt) {
  }

  @Schema(description = "一次预约或改约")
  record ChangeView(
      @Schema(description = "CUSTOMER 客户、STAFF 员工", example = "CUSTOMER") String by,
      OffsetDateTime changedAt,
      @Schema(description = "原时段；首次预约为 null", nullable = true, example = "12月8日（周二）上午") String from,
      @Schema(example = "12月9日（周三）下午") String to,
      @Schema(nullable = true, example = "客户临时出差") String reason) {
  }

  static VisitView of(Offer offer, double officeDayMinutes) {
    return new VisitView(offer.kind().path(), offer.kind().label(), offer.bookable(), offer.reason(),
        offer.booking().map(booked -> new Booked(booked.slot().date(), booked.slot().halfDay().name(),
            booked.slot().label(), Math.round(booked.customerTime().toMinutes() / officeDayMinutes * 10) / 10.0,
            booked.bookedAt())).orElse(null),
        offer.earliest().map(slot -> SlotView.of(slot, null)).orElse(null),
        offer.slots().stream().map(slot -> SlotView.of(slot.slot(), slot.free())).toList(), offer.windowWorkingDays(),
        offer.changes().stream().map(change -> new ChangeView(change.role(), change.changedAt(),
            change.from() == null ? null : change.from().label(), change.to().label(), change.reason())).toList());
  }
}
