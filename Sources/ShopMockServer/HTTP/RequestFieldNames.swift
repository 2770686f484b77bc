/// Every property name a request body schema of the contract defines, at any depth. A test
/// checks it against docs/openapi.yaml, so a new field cannot be forgotten here.
enum RequestFieldNames {
    static let all: Set<String> = [
        "address", "addressId", "card", "category", "city", "code", "country", "currency", "cvv", "description",
        "email", "expMonth", "expYear", "fingerprint", "holderName", "line1", "line2", "name", "number", "password", "phone",
        "postalCode", "preferredCurrency", "priceUsd", "productId", "quantity", "rating", "ratingCount",
        "refreshToken", "region", "seconds", "shippingOption", "stock", "userId",
    ]
}
