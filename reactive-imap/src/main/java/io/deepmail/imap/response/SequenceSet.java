package io.deepmail.imap.response;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A set of message numbers or UIDs as IMAP writes it ({@code 1:3,7,9:12}): the ranges as sent,
 * without expanding them, so a huge set from a server costs memory in proportion to its text.
 *
 * @param ranges the ranges, in the order sent; never empty
 * @since 0.1
 */
public record SequenceSet(List<Range> ranges) {

    /**
     * Copies the ranges.
     *
     * @param ranges the ranges
     */
    public SequenceSet {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a sequence set has at least one number");
        }
    }

    /**
     * Parses {@code 1:3,7}. {@code *} is not accepted: servers send only numbers.
     *
     * @param text the set
     * @return the set
     * @throws IllegalArgumentException if {@code text} is not a set of positive numbers
     */
    public static SequenceSet parse(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            long a = number(colon < 0 ? part : part.substring(0, colon));
            long b = colon < 0 ? a : number(part.substring(colon + 1));
            out.add(new Range(Math.min(a, b), Math.max(a, b)));
        }
        return new SequenceSet(out);
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a number in a sequence set: " + (s.length() > 20
                    ? s.substring(0, 20) + "..." : s));
        }
        long n = Long.parseLong(s);
        if (n < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1");
        }
        return n;
    }

    /**
     * Whether {@code n} is in the set.
     *
     * @param n a number
     * @return {@code true} if a range holds it
     */
    public boolean contains(long n) {
        return ranges.stream().anyMatch(r -> r.first() <= n && n <= r.last());
    }

    /**
     * How many numbers the ranges cover (a number in two ranges counts twice).
     *
     * @return the count
     */
    public long count() {
        return ranges.stream().mapToLong(r -> r.last() - r.first() + 1).sum();
    }

    /**
     * The numbers, lazily, range by range.
     *
     * @return the numbers
     */
    public LongStream numbers() {
        return ranges.stream().flatMapToLong(r -> LongStream.rangeClosed(r.first(), r.last()));
    }

    /**
     * The IMAP form, for example {@code 1:3,7}.
     *
     * @return the set as IMAP writes it
     */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /**
     * One range {@code first:last}, or one number when both are equal.
     *
     * @param first the smallest number, at least 1
     * @param last the largest number, at least {@code first}
     * @since 0.1
     */
    public record Range(long first, long last) {

        /**
         * Validates the range.
         *
         * @param first the smallest number
         * @param last the largest number
         */
        public Range {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("invalid range " + first + ":" + last);
            }
        }

        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + ":" + last;
        }
    }
}
