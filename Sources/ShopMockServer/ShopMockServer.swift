// Work in progress: ShopMockServer
