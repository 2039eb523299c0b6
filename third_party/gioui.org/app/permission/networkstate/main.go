// SPDX-License-Identifier: Unlicense OR MIT

/*
Package networkstate implements permissions to access network connectivity information.

# Android

The following entries will be added to AndroidManifest.xml:

	<uses-permission android:name="android.permission.ACCESS_NETWORK_STATE"/>
*/
package networkstate
