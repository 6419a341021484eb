print("swan")
