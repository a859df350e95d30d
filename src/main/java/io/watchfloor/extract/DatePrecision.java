package io.watchfloor.extract;

/** How precise a resolved date is: the day itself, or a representative day of a week, month or year. */
public enum DatePrecision { DAY, WEEK, MONTH, YEAR }
