// Work in progress: ShopKit
