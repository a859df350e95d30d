package io.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calendar used below: 2024-01-01 Monday, 2024-01-16 Tuesday, 2024-01-20 Saturday, 2024-01-22 Monday,
 * 2024-12-20 Friday, 2024-12-30 Monday, 2025-01-01 Wednesday. 2024 is a leap year.
 */
class DateResolverTest {

    private final DateResolver resolver = new DateResolver();

    private static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    /** Asserts the sentence has exactly one mention, with this text, date and precision. */
    private void assertOne(String published, Tense tense, String anchor, String sentence,
                           String text, String date, DatePrecision precision) {
        List<DateMention> ms = resolver.findAll(sentence, d(published), tense, d(anchor));
        assertThat(ms).as("mentions in \"%s\"", sentence).hasSize(1);
        DateMention m = ms.get(0);
        assertThat(m.text()).as("text").isEqualTo(text);
        assertThat(sentence.substring(m.start(), m.end())).as("offsets").isEqualTo(text);
        assertThat(m.date()).as("date of \"%s\"", text).isEqualTo(d(date));
        assertThat(m.precision()).as("precision").isEqualTo(precision);
    }

    // ------------------------------------------------------------------ explicit dates

    @ParameterizedTest(name = "[{index}] {1} / {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-20 | Iran struck militant bases on January 16.           | January 16            | 2024-01-16
            2024-01-20 | The strikes on Jan 16 killed two children.          | Jan 16                | 2024-01-16
            2024-01-20 | The strikes on Jan. 16 killed two children.         | Jan. 16               | 2024-01-16
            2024-01-20 | The strikes on jan 16 killed two children.          | jan 16                | 2024-01-16
            2024-01-20 | On 16 January, missiles hit Panjgur.                | 16 January            | 2024-01-16
            2024-01-20 | On the 16th of January, missiles hit Panjgur.       | the 16th of January   | 2024-01-16
            2024-01-20 | On 16th January, missiles hit Panjgur.              | 16th January          | 2024-01-16
            2024-01-20 | It happened on January 16th.                        | January 16th          | 2024-01-16
            2024-01-20 | It happened on Sept. 3.                             | Sept. 3               | 2023-09-03
            2024-01-20 | It happened on 3 Sep.                               | 3 Sep                 | 2023-09-03
            2024-03-01 | It happened on January 16, 2024, at dawn.           | January 16, 2024      | 2024-01-16
            2024-03-01 | It happened on 16 January 2024 at dawn.             | 16 January 2024       | 2024-01-16
            2024-03-01 | It happened on 16 January, 2024.                    | 16 January, 2024      | 2024-01-16
            2024-03-01 | It happened Jan 16 2024 at dawn.                    | Jan 16 2024           | 2024-01-16
            2024-03-01 | It happened on 2024-01-16 at dawn.                  | 2024-01-16            | 2024-01-16
            2024-03-01 | It happened on 2023-12-31.                          | 2023-12-31            | 2023-12-31
            2024-03-01 | It happened on Tuesday, January 16, 2024.           | Tuesday, January 16, 2024 | 2024-01-16
            2024-03-01 | It happened on Tuesday 16 January.                  | Tuesday 16 January    | 2024-01-16
            2024-03-01 | Troops clashed on May 5, 2023.                      | May 5, 2023           | 2023-05-05
            2024-03-01 | Troops clashed on 5 May 2023.                       | 5 May 2023            | 2023-05-05
            2024-03-01 | Troops clashed on March 1.                          | March 1               | 2024-03-01
            """)
    void explicitDates(String published, String sentence, String text, String date) {
        assertOne(published, Tense.PAST, null, sentence, text, date, DatePrecision.DAY);
        assertThat(resolver.findAll(sentence, d(published), Tense.PAST, null).get(0).relative()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-20 | Talks were held on January 16-18 in Doha.          | January 16-18          | 2024-01-16
            2024-01-20 | Talks were held on January 16 - 18 in Doha.        | January 16 - 18        | 2024-01-16
            2024-01-20 | Talks were held on January 16–18 in Doha.          | January 16–18          | 2024-01-16
            2024-01-20 | Talks were held 16-18 January in Doha.             | 16-18 January          | 2024-01-16
            2024-01-20 | Talks were held 16–18 January 2024 in Doha.        | 16–18 January 2024     | 2024-01-16
            2024-01-20 | Talks were held between January 16 and 18.         | January 16 and 18      | 2024-01-16
            2024-01-20 | Talks were held between 16 and 18 January.         | 16 and 18 January      | 2024-01-16
            2024-01-20 | Talks were held from January 16 to 18.             | January 16 to 18       | 2024-01-16
            2024-03-01 | Talks were held January 16-18, 2024.               | January 16-18, 2024    | 2024-01-16
            2024-01-05 | Talks were held December 30-31.                    | December 30-31         | 2023-12-30
            """)
    void rangesGiveTheirFirstDay(String published, String sentence, String text, String date) {
        assertOne(published, Tense.PAST, null, sentence, text, date, DatePrecision.DAY);
    }

    @ParameterizedTest(name = "[{index}] {2} {1} published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-05 | PAST   | Fighting erupted on December 30.      | December 30 | 2023-12-30
            2024-01-05 | PAST   | Fighting erupted on January 5.        | January 5   | 2024-01-05
            2024-01-05 | PAST   | Fighting erupted on January 6.        | January 6   | 2023-01-06
            2024-12-31 | PAST   | Fighting erupted on December 31.      | December 31 | 2024-12-31
            2025-03-01 | PAST   | It happened on February 29.           | February 29 | 2024-02-29
            2024-02-28 | PAST   | It happened on February 29.           | February 29 | 2020-02-29
            2024-02-29 | PAST   | It happened on February 29.           | February 29 | 2024-02-29
            2024-01-20 | FUTURE | He will visit on January 29.          | January 29  | 2024-01-29
            2024-12-20 | FUTURE | He will visit on January 3.           | January 3   | 2025-01-03
            2024-01-20 | FUTURE | He will visit on January 20.          | January 20  | 2024-01-20
            2024-01-20 | FUTURE | He will visit on January 19.          | January 19  | 2025-01-19
            2024-03-01 | FUTURE | He will visit on February 29.         | February 29 | 2028-02-29
            2024-12-31 | FUTURE | Talks resume on 2 January.            | 2 January   | 2025-01-02
            """)
    void yearInferenceFollowsTense(String published, Tense tense, String sentence, String text, String date) {
        assertOne(published, tense, null, sentence, text, date, DatePrecision.DAY);
    }

    @ParameterizedTest(name = "[{index}] {2} {1} published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-10 | PAST   | Troops withdrew on the 16th.                | the 16th  | 2024-02-16
            2024-03-20 | PAST   | Troops withdrew on the 16th.                | the 16th  | 2024-03-16
            2024-03-16 | PAST   | Troops withdrew on the 16th.                | the 16th  | 2024-03-16
            2024-01-10 | PAST   | Troops withdrew on the 16th.                | the 16th  | 2023-12-16
            2024-03-30 | PAST   | Troops withdrew on the 31st.                | the 31st  | 2024-01-31
            2024-03-10 | PAST   | Troops withdrew on the 2nd and 3rd.         | the 2nd   | 2024-03-02
            2024-01-20 | FUTURE | Troops will withdraw on the 16th.           | the 16th  | 2024-02-16
            2024-01-31 | FUTURE | Troops will withdraw on the 30th.           | the 30th  | 2024-03-30
            2024-12-20 | FUTURE | Troops will withdraw by the 5th.            | the 5th   | 2025-01-05
            """)
    void ordinalDayAlone(String published, Tense tense, String sentence, String text, String date) {
        assertOne(published, tense, null, sentence, text, date, DatePrecision.DAY);
        assertThat(resolver.findAll(sentence, d(published), tense, null).get(0).relative()).isTrue();
    }

    // ------------------------------------------------------------------ weekdays

    @ParameterizedTest(name = "[{index}] {2} {1} published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-20 | PAST   | Missiles hit the camp on Tuesday.                 | Tuesday              | 2024-01-16
            2024-01-20 | PAST   | Missiles hit the camp Tuesday.                    | Tuesday              | 2024-01-16
            2024-01-20 | PAST   | Missiles hit the camp on Tuesday night.           | Tuesday night        | 2024-01-16
            2024-01-20 | PAST   | Late on Tuesday, missiles hit the camp.           | Tuesday              | 2024-01-16
            2024-01-20 | PAST   | Tuesday's raid killed two.                        | Tuesday              | 2024-01-16
            2024-01-20 | PAST   | Missiles hit the camp on tuesday morning.         | tuesday morning      | 2024-01-16
            2024-01-20 | PAST   | Missiles hit the camp last Tuesday.               | last Tuesday         | 2024-01-16
            2024-01-20 | PAST   | Saturday's raid killed two.                       | Saturday             | 2024-01-20
            2024-01-20 | PAST   | Missiles hit the camp last Saturday.              | last Saturday        | 2024-01-13
            2024-01-16 | PAST   | Missiles hit the camp on Tuesday.                 | Tuesday              | 2024-01-16
            2024-01-16 | PAST   | Missiles hit the camp last Tuesday.               | last Tuesday         | 2024-01-09
            2024-01-20 | PAST   | Missiles hit the camp on Sunday.                  | Sunday               | 2024-01-14
            2024-01-01 | PAST   | Missiles hit the camp on Sunday.                  | Sunday               | 2023-12-31
            2024-03-01 | PAST   | Missiles hit the camp on Thursday.                | Thursday             | 2024-02-29
            2024-01-20 | FUTURE | The minister will visit on Tuesday.               | Tuesday              | 2024-01-23
            2024-01-20 | FUTURE | The minister will visit on Saturday.              | Saturday             | 2024-01-20
            2024-01-20 | FUTURE | The minister will visit next Saturday.            | next Saturday        | 2024-01-27
            2024-01-20 | FUTURE | The minister will visit next Tuesday.             | next Tuesday         | 2024-01-23
            2024-01-16 | FUTURE | The minister will visit next Tuesday.             | next Tuesday         | 2024-01-23
            2024-12-30 | FUTURE | The minister will visit on Friday.                | Friday               | 2025-01-03
            2024-01-20 | FUTURE | The minister, who arrived last Tuesday, will stay. | last Tuesday        | 2024-01-16
            """)
    void weekdays(String published, Tense tense, String sentence, String text, String date) {
        assertOne(published, tense, null, sentence, text, date, DatePrecision.DAY);
        assertThat(resolver.findAll(sentence, d(published), tense, null).get(0).relative()).isTrue();
    }

    // ------------------------------------------------------------------ relative to the publication date

    @ParameterizedTest(name = "[{index}] {2} {1} published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-20 | PAST   | Protesters gathered today.                        | today                    | 2024-01-20 | DAY
            2024-01-20 | PAST   | Protesters gathered this morning.                 | this morning             | 2024-01-20 | DAY
            2024-01-20 | PAST   | Protesters gathered earlier today.                | earlier today            | 2024-01-20 | DAY
            2024-01-20 | PAST   | Protesters gathered tonight.                      | tonight                  | 2024-01-20 | DAY
            2024-01-20 | PAST   | Protesters gathered yesterday.                    | yesterday                | 2024-01-19 | DAY
            2024-01-20 | PAST   | Protesters gathered yesterday evening.            | yesterday evening        | 2024-01-19 | DAY
            2024-01-20 | PAST   | Protesters gathered last night.                   | last night               | 2024-01-19 | DAY
            2024-01-20 | PAST   | Drones struck overnight.                          | overnight                | 2024-01-19 | DAY
            2024-01-20 | PAST   | Drones struck the day before yesterday.           | the day before yesterday | 2024-01-18 | DAY
            2024-01-20 | PAST   | Drones struck two days ago.                       | two days ago             | 2024-01-18 | DAY
            2024-01-20 | PAST   | Drones struck 3 days ago.                         | 3 days ago               | 2024-01-17 | DAY
            2024-01-20 | PAST   | Drones struck a day ago.                          | a day ago                | 2024-01-19 | DAY
            2024-01-20 | PAST   | Drones struck a couple of days ago.               | a couple of days ago     | 2024-01-18 | DAY
            2024-01-20 | PAST   | Drones struck ten days ago.                       | ten days ago             | 2024-01-10 | DAY
            2024-01-20 | PAST   | Drones struck twenty-one days ago.                | twenty-one days ago      | 2023-12-30 | DAY
            2024-01-20 | PAST   | Drones struck thirty days ago.                    | thirty days ago          | 2023-12-21 | DAY
            2024-01-01 | PAST   | Drones struck yesterday.                          | yesterday                | 2023-12-31 | DAY
            2024-03-01 | PAST   | Drones struck yesterday.                          | yesterday                | 2024-02-29 | DAY
            2023-03-01 | PAST   | Drones struck yesterday.                          | yesterday                | 2023-02-28 | DAY
            2024-01-20 | PAST   | Drones struck a week ago.                         | a week ago               | 2024-01-13 | WEEK
            2024-01-20 | PAST   | Drones struck two weeks ago.                      | two weeks ago            | 2024-01-06 | WEEK
            2024-01-20 | PAST   | Drones struck three months ago.                   | three months ago         | 2023-10-20 | MONTH
            2024-01-20 | PAST   | Drones struck a year ago.                         | a year ago               | 2023-01-20 | YEAR
            2024-01-20 | PAST   | Drones struck last week.                          | last week                | 2024-01-13 | WEEK
            2024-01-17 | PAST   | Drones struck earlier this week.                  | earlier this week        | 2024-01-16 | WEEK
            2024-01-15 | PAST   | Drones struck earlier this week.                  | earlier this week        | 2024-01-15 | WEEK
            2024-01-21 | PAST   | Drones struck earlier this week.                  | earlier this week        | 2024-01-18 | WEEK
            2024-01-20 | PAST   | Drones struck this week.                          | this week                | 2024-01-20 | WEEK
            2024-01-29 | PAST   | Drones struck earlier this month.                 | earlier this month       | 2024-01-15 | MONTH
            2024-01-30 | PAST   | Drones struck earlier this month.                 | earlier this month       | 2024-01-15 | MONTH
            2024-01-20 | PAST   | Drones struck this month.                         | this month               | 2024-01-20 | MONTH
            2024-01-20 | PAST   | Drones struck last month.                         | last month               | 2023-12-15 | MONTH
            2024-03-31 | PAST   | Drones struck last month.                         | last month               | 2024-02-15 | MONTH
            2024-01-20 | PAST   | Drones struck last year.                          | last year                | 2023-07-01 | YEAR
            2024-05-20 | PAST   | Drones struck earlier this year.                  | earlier this year        | 2024-03-11 | YEAR
            2024-01-22 | PAST   | Drones struck over the weekend.                   | the weekend              | 2024-01-20 | WEEK
            2024-01-21 | PAST   | Drones struck at the weekend.                     | the weekend              | 2024-01-20 | WEEK
            2024-01-24 | PAST   | Drones struck last weekend.                       | last weekend             | 2024-01-20 | WEEK
            2024-01-20 | FUTURE | The envoy arrives tomorrow.                       | tomorrow                 | 2024-01-21 | DAY
            2024-12-31 | FUTURE | The envoy arrives tomorrow.                       | tomorrow                 | 2025-01-01 | DAY
            2024-02-28 | FUTURE | The envoy arrives the day after tomorrow.         | the day after tomorrow   | 2024-03-01 | DAY
            2024-01-20 | FUTURE | The envoy arrives next week.                      | next week                | 2024-01-27 | WEEK
            2024-01-31 | FUTURE | The envoy arrives next month.                     | next month               | 2024-02-15 | MONTH
            2024-12-10 | FUTURE | The envoy arrives next month.                     | next month               | 2025-01-15 | MONTH
            2024-01-20 | FUTURE | The envoy arrives next year.                      | next year                | 2025-07-01 | YEAR
            2024-01-20 | FUTURE | The envoy arrives in two weeks.                   | two weeks                | 2024-02-03 | WEEK
            2024-01-20 | FUTURE | The envoy arrives in 3 days.                      | 3 days                   | 2024-01-23 | DAY
            2024-01-20 | FUTURE | The envoy arrives later this month.               | later this month         | 2024-01-25 | MONTH
            2024-01-17 | FUTURE | The envoy arrives this weekend.                   | this weekend             | 2024-01-20 | WEEK
            2024-01-20 | FUTURE | The envoy, who arrived yesterday, will stay.      | yesterday                | 2024-01-19 | DAY
            """)
    void relativeToPublication(String published, Tense tense, String sentence, String text, String date,
                               DatePrecision precision) {
        assertOne(published, tense, null, sentence, text, date, precision);
        assertThat(resolver.findAll(sentence, d(published), tense, null).get(0).relative()).isTrue();
    }

    // ------------------------------------------------------------------ months and years

    @ParameterizedTest(name = "[{index}] {2} {1} published {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-20 | PAST   | Fighting broke out in March.                  | March               | 2023-03-15 | MONTH
            2024-03-20 | PAST   | Fighting broke out in March.                  | March               | 2024-03-15 | MONTH
            2024-03-10 | PAST   | Fighting broke out in March.                  | March               | 2024-03-05 | MONTH
            2024-01-05 | PAST   | Fighting broke out in December.               | December            | 2023-12-15 | MONTH
            2024-01-05 | PAST   | Fighting broke out in late December.          | late December       | 2023-12-25 | MONTH
            2024-03-01 | PAST   | Fighting broke out in mid-January.            | mid-January         | 2024-01-15 | MONTH
            2024-03-01 | PAST   | Fighting broke out in early February.         | early February      | 2024-02-05 | MONTH
            2024-03-01 | PAST   | Fighting broke out in January 2024.           | January 2024        | 2024-01-15 | MONTH
            2024-03-01 | PAST   | Fighting broke out in early March 2023.       | early March 2023    | 2023-03-05 | MONTH
            2024-03-01 | PAST   | Fighting broke out at the end of May 2023.    | the end of May 2023 | 2023-05-25 | MONTH
            2024-05-01 | PAST   | Fighting broke out last March.                | last March          | 2024-03-15 | MONTH
            2024-03-10 | PAST   | Fighting broke out last March.                | last March          | 2023-03-15 | MONTH
            2024-01-20 | PAST   | Tensions have risen since October.            | October             | 2023-10-15 | MONTH
            2024-01-20 | FUTURE | Elections will be held in March.              | March               | 2024-03-15 | MONTH
            2024-03-20 | FUTURE | Elections will be held in March.              | March               | 2024-03-25 | MONTH
            2024-12-20 | FUTURE | Elections will be held in January.            | January             | 2025-01-15 | MONTH
            2024-01-20 | FUTURE | Elections will be held in mid-February.       | mid-February        | 2024-02-15 | MONTH
            2024-01-20 | PAST   | The two fought a war in 1971.                 | 1971                | 1971-07-01 | YEAR
            2024-01-20 | PAST   | Veterans of the 1971 war gathered.            | 1971                | 1971-07-01 | YEAR
            2024-01-20 | PAST   | Relations have been frozen since 1971.        | 1971                | 1971-07-01 | YEAR
            2024-01-20 | PAST   | The 2019 clashes left dozens dead.            | 2019                | 2019-07-01 | YEAR
            2024-01-20 | PAST   | 2019's clashes left dozens dead.              | 2019                | 2019-07-01 | YEAR
            2024-01-20 | PAST   | In 2019, clashes left dozens dead.            | 2019                | 2019-07-01 | YEAR
            2024-01-20 | PAST   | The accord of 2002 collapsed.                 | 2002                | 2002-07-01 | YEAR
            2024-01-20 | PAST   | Tensions have simmered since mid-2019.        | 2019                | 2019-07-01 | YEAR
            2024-03-01 | PAST   | Attacks have surged in 2024.                  | 2024                | 2024-01-31 | YEAR
            2024-12-01 | PAST   | Attacks have surged in 2024.                  | 2024                | 2024-07-01 | YEAR
            2024-03-01 | FUTURE | Elections are due in 2025.                    | 2025                | 2025-07-01 | YEAR
            2024-10-01 | FUTURE | Elections are due in 2024.                    | 2024                | 2024-11-15 | YEAR
            """)
    void monthsAndYears(String published, Tense tense, String sentence, String text, String date,
                        DatePrecision precision) {
        assertOne(published, tense, null, sentence, text, date, precision);
        assertThat(resolver.findAll(sentence, d(published), tense, null).get(0).relative()).isFalse();
    }

    // ------------------------------------------------------------------ relative to the previous event

    @ParameterizedTest(name = "[{index}] {3} anchor {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-25 | 2024-01-16 | PAST   | Two days later, Pakistan retaliated.          | Two days later      | 2024-01-18 | DAY
            2024-01-25 | 2024-01-16 | PAST   | A day later, Pakistan retaliated.             | A day later         | 2024-01-17 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Pakistan retaliated the next day.             | the next day        | 2024-01-17 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Pakistan retaliated the following day.        | the following day   | 2024-01-17 | DAY
            2024-01-25 | 2024-01-16 | PAST   | The next morning, Pakistan retaliated.        | The next morning    | 2024-01-17 | DAY
            2024-01-25 | 2024-01-16 | PAST   | A week later, Pakistan retaliated.            | A week later        | 2024-01-23 | WEEK
            2024-01-25 | 2024-01-16 | PAST   | Three days earlier, Iran had warned.          | Three days earlier  | 2024-01-13 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Iran had warned the day before.               | the day before      | 2024-01-15 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Iran had warned the previous day.             | the previous day    | 2024-01-15 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Iran had warned two days before.              | two days before     | 2024-01-14 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Pakistan retaliated later that day.           | later that day      | 2024-01-16 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Pakistan retaliated the same day.             | the same day        | 2024-01-16 | DAY
            2024-01-25 | 2024-01-16 | PAST   | Hours later, Pakistan retaliated.             | Hours later         | 2024-01-16 | DAY
            2024-03-05 | 2024-02-28 | PAST   | Pakistan retaliated the next day.             | the next day        | 2024-02-29 | DAY
            2024-01-05 | 2023-12-31 | PAST   | Pakistan retaliated the following day.        | the following day   | 2024-01-01 | DAY
            2024-01-05 | 2024-01-01 | PAST   | Iran had warned the day before.               | the day before      | 2023-12-31 | DAY
            2024-01-20 |            | PAST   | Three days earlier, Iran had warned.          | Three days earlier  | 2024-01-17 | DAY
            2024-01-20 |            | FUTURE | Two days later, talks will resume.            | Two days later      | 2024-01-22 | DAY
            2024-01-19 | 2024-01-19 | FUTURE | Two days later, talks will resume.            | Two days later      | 2024-01-21 | DAY
            """)
    void anchored(String published, String anchor, Tense tense, String sentence, String text, String date,
                  DatePrecision precision) {
        assertOne(published, tense, anchor, sentence, text, date, precision);
        assertThat(resolver.findAll(sentence, d(published), tense, d(anchor)).get(0).relative()).isTrue();
    }

    @Test
    void pastDropsWhatWouldBeAfterPublication() {
        LocalDate pub = d("2024-01-20");
        assertThat(resolver.findAll("Two days later, Pakistan retaliated.", pub, Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll("Two days later, Pakistan retaliated.", pub, Tense.PAST, d("2024-01-19"))).isEmpty();
        assertThat(resolver.findAll("The envoy arrives tomorrow.", pub, Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll("The envoy arrives next Tuesday.", pub, Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll("The envoy arrives next week.", pub, Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll("The deal runs until March 1, 2026.", pub, Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll("The deal runs until 2030.", pub, Tense.PAST, null)).isEmpty();
        // the null tense is PAST
        assertThat(resolver.findAll("The envoy arrives tomorrow.", pub, null, null)).isEmpty();
    }

    // ------------------------------------------------------------------ things that are not dates

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The hotline now runs 24/7.
            Memories of 9/11 still shape policy.
            The G20 summit opened in Delhi.
            The council cited Resolution 2334.
            India revoked Section 370 of the constitution.
            It was the 1,000th day of the war.
            The meeting started at 10:30 local time.
            Some 1,000 troops were deployed.
            About 2024 people were evacuated.
            Officials said 2019 was calm.
            The 2000 troops crossed the river.
            Of 2020 votes cast, most were void.
            Troops march 10 kilometres a day.
            Such talks may 5 times fail.
            Two days of talks ended without a deal.
            The day before the summit, officials met.
            Two days after the strike, officials met.
            The 3rd Division advanced.
            On the 3rd day of fighting, the town fell.
            The war lasted through the 1990s.
            He wants to rule until 2150.
            The 16th century fort was hit.
            A 12-point plan was tabled on page 2.
            Over 16 months, 3,000 people died.
            The ratio was 1.5 to 2.
            Talks in Doha ended.
            The March on Washington.
            """)
    void notDates(String sentence) {
        assertThat(resolver.findAll(sentence, d("2024-01-20"), Tense.PAST, null)).isEmpty();
        assertThat(resolver.findAll(sentence, d("2024-01-20"), Tense.FUTURE, null)).isEmpty();
    }

    // ------------------------------------------------------------------ several mentions, overlaps, invariants

    @Test
    void severalMentionsInTextOrder() {
        String s = "Tehran launched missile attacks on January 16, prompting Pakistan to retaliate with strikes "
                + "inside Iran on January 18; two days later, on Saturday, the envoys spoke.";
        List<DateMention> ms = resolver.findAll(s, d("2024-01-22"), Tense.PAST, d("2024-01-18"));
        assertThat(ms).extracting(DateMention::text)
                .containsExactly("January 16", "January 18", "two days later", "Saturday");
        assertThat(ms).extracting(DateMention::date)
                .containsExactly(d("2024-01-16"), d("2024-01-18"), d("2024-01-20"), d("2024-01-20"));
        for (DateMention m : ms) {
            assertThat(s.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(ms).isSortedAccordingTo(java.util.Comparator.comparingInt(DateMention::start));
    }

    @Test
    void overlappingExpressionsGiveOneMention() {
        LocalDate pub = d("2024-01-20");
        assertThat(resolver.findAll("It began the day before yesterday.", pub, Tense.PAST, null))
                .extracting(DateMention::text).containsExactly("the day before yesterday");
        assertThat(resolver.findAll("It began on Tuesday, January 16.", pub, Tense.PAST, null))
                .extracting(DateMention::text).containsExactly("Tuesday, January 16");
        assertThat(resolver.findAll("It began in May 2023 and ended in June.", pub, Tense.PAST, null))
                .extracting(DateMention::text).containsExactly("May 2023", "June");
        assertThat(resolver.findAll("Fighting from January 16 to February 2 killed 40.", pub, Tense.PAST, null))
                .extracting(DateMention::date).containsExactly(d("2024-01-16"), d("2023-02-02"));
    }

    @Test
    void convenienceOverloadIsPastWithoutAnchor() {
        assertThat(resolver.findAll("It happened yesterday.", d("2024-01-20")))
                .singleElement().extracting(DateMention::date).isEqualTo(d("2024-01-19"));
    }

    private static final String[] EXPRESSIONS = {
        "on January 16", "on 16 January", "on December 31", "on February 29", "on the 31st", "on the 1st",
        "on Tuesday", "on Sunday night", "last Friday", "next Monday", "this Wednesday", "today", "yesterday",
        "tomorrow", "last night", "overnight", "two days ago", "in two days", "last week", "next week",
        "earlier this week", "later this week", "earlier this month", "later this month", "this month",
        "last month", "next month", "last year", "next year", "earlier this year", "later this year",
        "in March", "in early March", "in late December", "last March", "next March", "in 2024", "in 2025",
        "in 1971", "two days later", "the next day", "three days earlier", "a week later", "the weekend",
        "next weekend", "last weekend", "January 16-18", "2024-01-16", "in January 2025", "in mid-December",
    };

    /** Inferred expressions never land on the wrong side of the publication date. */
    private static final String[] INFERRED = {
        "on January 16", "on 16 January", "on December 31", "on February 29", "on the 31st", "on the 1st",
        "on Tuesday", "on Sunday night", "this Wednesday", "in March", "in early March", "in late December",
        "in mid-December", "the weekend", "this month",
    };

    @Test
    void pastNeverReturnsADateAfterPublicationAndFutureInfersForward() {
        Random r = new Random(42L);
        for (int i = 0; i < 3000; i++) {
            LocalDate pub = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(365 * 10));
            LocalDate anchor = r.nextBoolean() ? null : pub.minusDays(r.nextInt(10) - 3);
            String expr = EXPRESSIONS[r.nextInt(EXPRESSIONS.length)];
            String sentence = "Officials said fighting resumed " + expr + " near the border.";
            for (DateMention m : resolver.findAll(sentence, pub, Tense.PAST, anchor)) {
                assertThat(m.date()).as("%s published %s", sentence, pub).isBeforeOrEqualTo(pub);
                assertThat(sentence.substring(m.start(), m.end())).isEqualTo(m.text());
            }
            String inferred = INFERRED[r.nextInt(INFERRED.length)];
            String planned = "The envoy will travel " + inferred + " to the capital.";
            List<DateMention> fut = resolver.findAll(planned, pub, Tense.FUTURE, null);
            assertThat(fut).as("%s published %s", planned, pub).hasSize(1);
            assertThat(fut.get(0).date()).as("%s published %s", planned, pub).isAfterOrEqualTo(pub);
            List<DateMention> past = resolver.findAll(planned, pub, Tense.PAST, null);
            assertThat(past).as("%s published %s", planned, pub).hasSize(1);
        }
    }
}
