// Work in progress: ShopApp
