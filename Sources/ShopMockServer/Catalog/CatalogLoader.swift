import Foundation

/// Reads and checks a catalog file, so a bad file fails with a message instead of a crash.
enum CatalogLoader {
    static func load(file: String?, now: Date) throws(CatalogLoadError) -> CatalogSeed {
        let name: String
        let data: Data
        if let file {
            name = file
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CatalogLoadError(file: file, reason: "the file cannot be read (\(error.localizedDescription))")
            }
        } else {
            name = "the bundled catalog"
            // Embedded/catalog.json, compiled in as Embedded/EmbeddedFiles.swift (scripts/embed-files.sh).
            guard let bundled = EmbeddedFiles.data(named: "catalog.json") else {
                throw CatalogLoadError(file: name, reason: "catalog.json is missing from the embedded files")
            }
            data = bundled
        }
        let decoded: CatalogFile
        do { decoded = try JSONDecoder().decode(CatalogFile.self, from: data) } catch {
            throw CatalogLoadError(file: name, reason: wholeNumberFault(in: data) ?? describe(error))
        }
        return try validated(decoded, file: name, now: now)
    }

    static func validated(_ file: CatalogFile, file name: String, now: Date) throws(CatalogLoadError) -> CatalogSeed {
        func fail(_ reason: String) -> CatalogLoadError { CatalogLoadError(file: name, reason: reason) }
        var categoryIds = Set<String>()
        for category in file.categories {
            if category.id.isEmpty || category.name.isEmpty { throw fail("a category has an empty id or name") }
            if !categoryIds.insert(category.id).inserted { throw fail("category id \"\(category.id)\" appears twice") }
        }
        var ids = Set<String>(), codes = Set<String>()
        var products: [Product] = []
        for (index, entry) in file.products.enumerated() {
            let at = "product #\(index + 1) (\(entry.id.isEmpty ? "no id" : entry.id))"
            if entry.id.isEmpty || entry.id.count > 64 { throw fail("\(at): id must be 1 to 64 characters") }
            // Ids go into URL paths (/v1/products/{id}): a "/", "?" or "%" would make the product unreachable.
            if !entry.id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._~".unicodeScalars.contains($0)) }) {
                throw fail("\(at): id may hold only ASCII letters, digits, \"-\", \".\", \"_\" and \"~\"")
            }
            if entry.code.isEmpty { throw fail("\(at): code is empty") }
            if entry.name.isEmpty { throw fail("\(at): name is empty") }
            if !ids.insert(entry.id).inserted { throw fail("\(at): id is used twice") }
            if !codes.insert(entry.code).inserted { throw fail("\(at): code \"\(entry.code)\" is used twice") }
            if !categoryIds.contains(entry.category) { throw fail("\(at): unknown category \"\(entry.category)\"") }
            if entry.priceUsd < 0 { throw fail("\(at): priceUsd is negative") }
            // The admin API's bounds (ProductInput): beyond them prices overflow Int64 once
            // converted or multiplied by a quantity, and stock overflows when added to.
            if entry.priceUsd > 100_000_000 { throw fail("\(at): priceUsd must be at most 100000000 (US cents)") }
            if entry.stock < 0 { throw fail("\(at): stock is negative") }
            if entry.stock > 1_000_000 { throw fail("\(at): stock must be at most 1000000") }
            let rating = entry.rating ?? 0
            if !(0...5).contains(rating) { throw fail("\(at): rating must be between 0 and 5") }
            if (entry.ratingCount ?? 0) < 0 { throw fail("\(at): ratingCount is negative") }
            if (entry.ratingCount ?? 0) > 100_000_000 { throw fail("\(at): ratingCount must be at most 100000000") }
            products.append(
                Product(
                    id: entry.id, code: entry.code, name: entry.name, description: entry.description,
                    category: entry.category, priceUsdCents: entry.priceUsd, stock: entry.stock,
                    rating: rating, ratingCount: entry.ratingCount ?? 0, updatedAt: now))
        }
        return CatalogSeed(categories: file.categories, products: products)
    }

    /// The decoder calls valid JSON with 1e30 or 12.5 for an integer "not valid JSON"; name the
    /// product and field instead.
    private static func wholeNumberFault(in data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let products = object["products"] as? [[String: Any]]
        else { return nil }
        for (index, product) in products.enumerated() {
            for field in ["priceUsd", "stock", "ratingCount"] {
                guard let value = product[field], !(value is NSNull), (value as? Int) == nil else { continue }
                let id = product["id"] as? String ?? "no id"
                return "product #\(index + 1) (\(id)): \(field) must be a whole number that fits in 64 bits"
            }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "it is not valid JSON" }
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop(while: { $0 == "." }))
        }
        switch decoding {
        case .dataCorrupted(let context):
            return "it is not valid JSON (\(context.debugDescription))"
        case .keyNotFound(let key, let context):
            return "\(path(context)) is missing the field \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            return "\(path(context)) should be \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) should be \(type), not null"
        @unknown default:
            return "it does not have the catalog shape"
        }
    }
}
