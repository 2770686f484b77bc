/// Which credentials an operation of the contract takes.
enum OperationAccess {
    /// No token: public operations, and the ones that create a session.
    case anonymous
    /// The current guest token, if any: sign-in and registration merge that guest's cart.
    case guestMerge
    /// A session token: a guest session is started on demand; a 401 triggers one refresh.
    case session
    /// The configured admin token.
    case admin

    static func of(operationID: String) -> OperationAccess {
        switch operationID {
        case "getHealth", "createGuestSession", "refreshSession",
             "listCategories", "listProducts", "getProduct", "searchProducts", "getStock",
             "listCurrencies", "convertCurrency", "listRecommendations", "listAds":
            .anonymous
        case "signIn", "register":
            .guestMerge
        case _ where operationID.hasPrefix("admin"):
            .admin
        default:
            .session
        }
    }
}
