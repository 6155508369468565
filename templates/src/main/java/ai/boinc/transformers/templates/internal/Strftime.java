package ai.boinc.transformers.templates.internal;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * Python's {@code datetime.now().strftime(format)} for a naive local time in the C locale, with the
 * glibc flags ({@code %-d}, {@code %_d}, {@code %^a}) Linux accepts.
 */
final class Strftime {
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"};

  private Strftime() {}

  static String format(LocalDateTime t, String format) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 >= format.length()) {
        out.append(c);
        continue;
      }
      char flag = 0;
      char d = format.charAt(++i);
      if ((d == '-' || d == '_' || d == '0' || d == '^' || d == '#') && i + 1 < format.length()) {
        flag = d;
        d = format.charAt(++i);
      }
      String field = field(t, d);
      if (field == null) {
        out.append('%');
        if (flag != 0) {
          out.append(flag);
        }
        out.append(d);
        continue;
      }
      out.append(applyFlag(field, flag, d));
    }
    return out.toString();
  }

  private static String applyFlag(String field, char flag, char d) {
    switch (flag) {
      case '-': {
        if (isNumeric(d)) {
          int k = 0;
          while (k < field.length() - 1 && (field.charAt(k) == '0' || field.charAt(k) == ' ')) {
            k++;
          }
          return field.substring(k);
        }
        return field;
      }
      case '_':
        if (isNumeric(d)) {
          StringBuilder sb = new StringBuilder(field);
          for (int k = 0; k < sb.length() - 1 && sb.charAt(k) == '0'; k++) {
            sb.setCharAt(k, ' ');
          }
          return sb.toString();
        }
        return field;
      case '0':
        return field.replace(' ', '0');
      case '^':
        return field.toUpperCase(java.util.Locale.ROOT);
      case '#':
        return field.toUpperCase(java.util.Locale.ROOT).equals(field)
            ? field.toLowerCase(java.util.Locale.ROOT) : field.toUpperCase(java.util.Locale.ROOT);
      default:
        return field;
    }
  }

  private static boolean isNumeric(char d) {
    return "dHIjmMSUwWyYeklgGVuCf".indexOf(d) >= 0;
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String pad(int v, int width, char fill) {
    String s = Integer.toString(v);
    StringBuilder sb = new StringBuilder();
    for (int i = s.length(); i < width; i++) {
      sb.append(fill);
    }
    return sb.append(s).toString();
  }

  private static String field(LocalDateTime t, char d) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    switch (d) {
      case 'a':
        return DAYS[t.getDayOfWeek().getValue() - 1].substring(0, 3);
      case 'A':
        return DAYS[t.getDayOfWeek().getValue() - 1];
      case 'b':
      case 'h':
        return MONTHS[t.getMonthValue() - 1].substring(0, 3);
      case 'B':
        return MONTHS[t.getMonthValue() - 1];
      case 'c':
        return field(t, 'a') + " " + field(t, 'b') + " " + pad(t.getDayOfMonth(), 2, ' ') + " " + field(t, 'X') + " "
            + t.getYear();
      case 'C':
        return two(t.getYear() / 100);
      case 'd':
        return two(t.getDayOfMonth());
      case 'D':
      case 'x':
        return two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(t.getYear() % 100);
      case 'e':
        return pad(t.getDayOfMonth(), 2, ' ');
      case 'f':
        return pad(t.getNano() / 1000, 6, '0');
      case 'F':
        return pad(t.getYear(), 4, '0') + "-" + two(t.getMonthValue()) + "-" + two(t.getDayOfMonth());
      case 'g':
        return two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
      case 'G':
        return Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
      case 'H':
        return two(t.getHour());
      case 'I':
        return two(hour12);
      case 'j':
        return pad(t.getDayOfYear(), 3, '0');
      case 'k':
        return pad(t.getHour(), 2, ' ');
      case 'l':
        return pad(hour12, 2, ' ');
      case 'm':
        return two(t.getMonthValue());
      case 'M':
        return two(t.getMinute());
      case 'n':
        return "\n";
      case 'p':
        return t.getHour() < 12 ? "AM" : "PM";
      case 'P':
        return t.getHour() < 12 ? "am" : "pm";
      case 'r':
        return two(hour12) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()) + " " + field(t, 'p');
      case 'R':
        return two(t.getHour()) + ":" + two(t.getMinute());
      case 's':
        return Long.toString(t.atZone(java.time.ZoneId.systemDefault()).toEpochSecond());
      case 'S':
        return two(t.getSecond());
      case 't':
        return "\t";
      case 'T':
      case 'X':
        return two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
      case 'u':
        return Integer.toString(t.getDayOfWeek().getValue());
      case 'U':
        return two(weekOfYear(t, DayOfWeek.SUNDAY));
      case 'V':
        return two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case 'w':
        return Integer.toString(t.getDayOfWeek().getValue() % 7);
      case 'W':
        return two(weekOfYear(t, DayOfWeek.MONDAY));
      case 'y':
        return two(t.getYear() % 100);
      case 'Y':
        return Integer.toString(t.getYear());
      case 'z':
      case 'Z':
        return "";
      case '%':
        return "%";
      default:
        return null;
    }
  }

  /** Week number where weeks start on {@code first}; days before the first such day are week 0. */
  private static int weekOfYear(LocalDateTime t, DayOfWeek first) {
    LocalDateTime jan1 = t.withDayOfYear(1);
    int offset = (first.getValue() - jan1.getDayOfWeek().getValue() + 7) % 7;
    long days = ChronoUnit.DAYS.between(jan1.toLocalDate(), t.toLocalDate());
    return days < offset ? 0 : (int) ((days - offset) / 7) + 1;
  }
}
