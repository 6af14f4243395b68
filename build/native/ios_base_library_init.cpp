// Provides std::ios_base_library_init() (GLIBCXX_3.4.32, GCC 13) for systems whose libstdc++ is older.
// GCC 13 emits a reference to it from <iostream> so that the standard streams are initialised;
// constructing a static ios_base::Init does exactly that on older libstdc++.
#include <ios>
namespace std { void ios_base_library_init() { static ios_base::Init init; } }
