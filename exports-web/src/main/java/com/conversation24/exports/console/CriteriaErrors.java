package com.conversation24.exports.console;

import com.conversation24.campaigns.platform.InvalidInputException;
import com.conversation24.exports.export.ExportCriteriaParser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * The criteria parser's refusals in plain words, next to the field they are about (the panel's
 * {@code p:message for=}): "Choose a range, or both a first and a last day" rather than the API's
 * "range: give either range or from and to".
 */
final class CriteriaErrors {

  private CriteriaErrors() {}

  /** Adds the message to the field of the form's criteria panel and fails the request's checks. */
  static void refuse(String form, CriteriaForm criteria, InvalidInputException e) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        form + ":" + field(e.field(), criteria),
        new FacesMessage(FacesMessage.SEVERITY_ERROR, words(e), null));
    faces.validationFailed();
  }

  /** The panel's field that shows a parameter's refusal. */
  static String field(String parameter, CriteriaForm criteria) {
    switch (parameter) {
      case ExportCriteriaParser.FROM:
      case ExportCriteriaParser.TO:
        return "dates";
      case ExportCriteriaParser.RANGE:
        return criteria.isCustom() ? "dates" : "range";
      case ExportCriteriaParser.CAMPAIGN_ID:
        return "campaigns";
      case ExportCriteriaParser.AGENT_ID:
        return "agents";
      case ExportCriteriaParser.ACCOUNT_ID:
        return "account";
      case ExportCriteriaParser.COLUMNS:
        return "columns";
      default:
        return "tz";
    }
  }

  static String words(InvalidInputException e) {
    String reason = e.getMessage().substring(e.field().length() + 2);
    switch (e.field()) {
      case ExportCriteriaParser.RANGE:
        return reason.startsWith("give either")
            ? "Choose a range, or both a first and a last day."
            : "Choose one of the ranges offered.";
      case ExportCriteriaParser.FROM:
      case ExportCriteriaParser.TO:
        if (reason.startsWith("required")) {
          return "Choose both a first and a last day.";
        }
        if (reason.startsWith("must be after")) {
          return "The last day cannot come before the first day.";
        }
        if (reason.startsWith("the range is longer")) {
          return "Choose at most " + reason.replaceAll("\\D+", "") + " days.";
        }
        return "Type the days as 2026-10-01 to 2026-10-31.";
      case ExportCriteriaParser.TZ:
        return "Choose a time zone from the list.";
      case ExportCriteriaParser.CAMPAIGN_ID:
        return "Choose campaigns from the list.";
      case ExportCriteriaParser.AGENT_ID:
        return "Choose agents from the list.";
      case ExportCriteriaParser.ACCOUNT_ID:
        return "Choose an account you may see.";
      case ExportCriteriaParser.COLUMNS:
        return "Choose columns from the list.";
      default:
        return reason.isEmpty()
            ? reason
            : Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }
  }
}
