package io.deepmail.imap.response;

/**
 * Untagged server data ({@code * ...}): status responses and the data responses of RFC 9051 §7.
 * Responses this client does not model arrive as {@link OtherData}, so extensions pass through.
 *
 * @since 0.1
 */
public sealed interface Untagged extends ImapResponse permits UntaggedStatus, CapabilityData, ExistsData,
        ExpungeData, FlagsData, ListData, StatusData, SearchData, FetchData, FetchChunk, EnabledData, ESearchData, IdData, NamespaceData, OtherData,
        VanishedData {
}
