extension PhoneRegion {
    /// The numbering region a place in time zone `identifier` dials in, or nil when the zone
    /// is not one of the ``known`` regions' (then callers use ``gb``, the store's default).
    ///
    /// A flow's opening hours name its time zone (`Europe/London`), so national numbers keyed
    /// in on a call are read the way the callers there write them.
    public static func forTimeZone(_ identifier: String) -> PhoneRegion? {
        switch identifier {
        case "Europe/London", "Europe/Belfast", "GB", "GB-Eire": return .gb
        case "Europe/Dublin", "Eire": return .ie
        case "Europe/Paris": return .fr
        default:
            let northAmerican = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                                 "America/Los_Angeles", "America/Anchorage", "America/Toronto", "America/Vancouver",
                                 "America/Winnipeg", "America/Edmonton", "America/Halifax", "America/Detroit",
                                 "Pacific/Honolulu"]
            return northAmerican.contains(identifier) || identifier.hasPrefix("US/") ? .nanp : nil
        }
    }
}
