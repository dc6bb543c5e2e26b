/// Telephone numbers (`PhoneNumber`, `PhoneRegion`, `PhoneNumberError`) live in the pure
/// `PhoneNumbers` module, shared with CallFlow; CallQueue re-exports them so its users
/// (Storage, the drivers, the command-line tool) compile unchanged.
@_exported import PhoneNumbers
